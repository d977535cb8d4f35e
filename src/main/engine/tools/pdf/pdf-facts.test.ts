import { describe, expect, it } from 'vitest';
import { pageSizeLabel, pdfDate } from './pdf-facts';

describe('pdfDate', () => {
  it('reads PDF dates with and without their offset, and XMP dates', () => {
    expect(pdfDate("D:20200911222713-03'00'")).toBe('2020-09-11T22:27:13-03:00');
    expect(pdfDate('D:20240102030405Z')).toBe('2024-01-02T03:04:05Z');
    expect(pdfDate('D:20240102')).toBe('2024-01-02T00:00:00');
    expect(pdfDate("D:20240102030405+0530'")).toBe('2024-01-02T03:04:05+05:30');
    expect(pdfDate('2020-09-11T22:27:13-03:00')).toBe('2020-09-11T22:27:13-03:00');
  });

  it('gives null for what is not a date', () => {
    expect(pdfDate(null)).toBeNull();
    expect(pdfDate('yesterday')).toBeNull();
    expect(pdfDate('D:20241340')).toBeNull();
  });
});

describe('pageSizeLabel', () => {
  it('names common paper in either orientation, millimetres otherwise', () => {
    expect(pageSizeLabel(595.3, 841.9)).toBe('A4 (210 × 297 mm)');
    expect(pageSizeLabel(792, 612)).toBe('Letter landscape (279 × 216 mm)');
    expect(pageSizeLabel(300, 300)).toBe('106 × 106 mm');
  });
});
