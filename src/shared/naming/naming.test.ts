import { describe, expect, it } from 'vitest';
import { renderPath, validateTemplate, type NameValues } from './name-template';
import { byteLength, sanitizeSegment } from './sanitize-name';

const values = (over: Partial<NameValues> = {}): NameValues => ({
  sku: 'SKU-1',
  name: 'Blue shoe',
  position: 3,
  role: 'gallery',
  channel: 'shopify',
  preset: 'shopify',
  key: '',
  width: 2048,
  height: null,
  ext: 'jpg',
  parent: 'SKU',
  asset: 'IMG_0001',
  attributes: { color: 'Navy Blue', size: '42' },
  ...over,
});

describe('sanitizeSegment', () => {
  it.each([
    ['../../etc/passwd', '_.._etc_passwd'],
    ['..', '_'],
    ['.', '_'],
    ['', '_'],
    ['CON', '_CON'],
    ['nul.jpg', '_nul.jpg'],
    ['com1', '_com1'],
    ['LPT9.txt', '_LPT9.txt'],
    ['console', 'console'],
    ['a<b>c:d"e|f?g*h', 'a_b_c_d_e_f_g_h'],
    ['tab\there\u0007bell', 'tab_here_bell'],
    ['trailing. . ', 'trailing'],
    ['C:\\Windows\\x', 'C__Windows_x'],
    // A reserved name the 200-byte cut leaves behind.
    [`CON${' '.repeat(250)}x`, '_CON'],
  ])('%j → %j', (raw, safe) => {
    expect(sanitizeSegment(raw)).toBe(safe);
  });

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301';
    expect(sanitizeSegment(decomposed)).toBe('Café');
    expect(sanitizeSegment(decomposed).length).toBe(4);
  });

  it('cuts to the byte limit on a character boundary, keeping the extension', () => {
    const long = `${'🧦'.repeat(100)}.jpg`; // 4 bytes each
    const safe = sanitizeSegment(long, 200);
    expect(byteLength(safe)).toBeLessThanOrEqual(200);
    expect(safe.endsWith('.jpg')).toBe(true);
    expect([...safe.slice(0, -4)].every((c) => c === '🧦')).toBe(true);
  });
});

describe('renderPath', () => {
  it('fills fields, attributes, variants and padding', () => {
    expect(
      renderPath('{channel}/{sku}', '{sku}-{variant.color}-{position:2}-{width}w.{ext}', values()),
    ).toBe('shopify/SKU-1/SKU-1-Navy Blue-03-2048w.jpg');
    expect(renderPath('', '{sku}.PT{position:2}.{ext}', values())).toBe('SKU-1.PT03.jpg');
    expect(renderPath('{attr.size}', '{parent}_{role}.{ext}', values())).toBe('42/SKU_gallery.jpg');
  });

  it('keeps hostile SKUs inside one segment', () => {
    for (const sku of ['../../etc/passwd', 'CON', '/abs/path', 'a/../../b', '..\\..\\win']) {
      const path = renderPath('{channel}/{sku}', '{sku}-{position}.{ext}', values({ sku }));
      const parts = path.split('/');
      expect(parts).toHaveLength(3);
      for (const p of parts) {
        expect(p).not.toBe('..');
        expect(p).not.toBe('');
        expect(p).not.toMatch(/[\\/]/);
        expect(p).not.toMatch(/^(con|nul)(\.|$)/i);
      }
    }
  });

  it('drops a folder segment whose value is empty', () => {
    expect(renderPath('{channel}/{attr.missing}', '{sku}.{ext}', values())).toBe(
      'shopify/SKU-1.jpg',
    );
  });

  it('refuses unknown fields', () => {
    expect(() => validateTemplate('{sku}-{colour}.{ext}')).toThrow(/unknown name field/);
    expect(() => validateTemplate('{attr}.{ext}')).toThrow(/needs a name/);
    expect(() => validateTemplate('{sku}-{attr.colour}-{position:3}.{ext}')).not.toThrow();
  });
});
