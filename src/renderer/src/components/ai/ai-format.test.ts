import { describe, expect, it } from 'vitest';
import { formatConfidence, objectLines, peopleText, tagLeaf } from './ai-format';

const box = { x: 0, y: 0, w: 0.1, h: 0.1 };

describe('AI formats', () => {
  it('shows one line per label at or above the threshold, most confident first', () => {
    const lines = objectLines(
      [
        { ...box, label: 'cup', confidence: 0.45 },
        { ...box, label: 'cup', confidence: 0.62 },
        { ...box, label: 'bottle', confidence: 0.4 },
        { ...box, label: 'chair', confidence: 0.39 },
      ],
      0.4,
    );
    expect(lines).toEqual([
      { label: 'cup', count: 2, confidence: 0.62 },
      { label: 'bottle', count: 1, confidence: 0.4 },
    ]);
  });

  it('reads confidences, tag paths and people counts as a person would', () => {
    expect(formatConfidence(0.456)).toBe('46 %');
    expect(tagLeaf('AI|Object|Wine Glass')).toBe('Wine Glass');
    expect([0, 1, 3].map(peopleText)).toEqual(['No one', '1 person', '3 people']);
  });
});
