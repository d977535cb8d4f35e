// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatKeywordPath } from './keywords';

describe('formatKeywordPath', () => {
  it('shows levels as a path', () => {
    expect(formatKeywordPath('Places|Europe|Amsterdam')).toBe('Places › Europe › Amsterdam');
    expect(formatKeywordPath('Solo')).toBe('Solo');
  });
});
