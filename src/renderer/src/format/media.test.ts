// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formatBitDepth, formatDimensions, formatFileKind, formatImageFormat } from './media';

describe('formatImageFormat', () => {
  it('names formats the way people know them', () => {
    expect(formatImageFormat('jpeg')).toBe('JPEG');
    expect(formatImageFormat('jpg')).toBe('JPEG');
    expect(formatImageFormat('image/png')).toBe('PNG');
    expect(formatImageFormat(null)).toBe('—');
  });
});

describe('formatFileKind', () => {
  it('prefers the read format, then the extension', () => {
    expect(formatFileKind('png', 'a.jpg')).toBe('PNG');
    expect(formatFileKind(null, 'clip.mp4')).toBe('MP4');
    expect(formatFileKind(null, 'README')).toBe('FILE');
  });
});

describe('formatDimensions', () => {
  it('shows width × height in pixels, or a dash before the file is read', () => {
    expect(formatDimensions(1200, 800)).toBe('1200 × 800 px');
    expect(formatDimensions(null, 800)).toBe('—');
  });
});

describe('formatBitDepth', () => {
  it('mentions alpha only when there is one', () => {
    expect(formatBitDepth(16, true)).toBe('16 bits per channel, with alpha');
    expect(formatBitDepth(8, null)).toBe('8 bits per channel');
  });
});
