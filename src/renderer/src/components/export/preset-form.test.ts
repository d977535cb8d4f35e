// The editor keeps what it has no fields for: a preset's 3D model and manual rules, and its
// static headless pack section, survive an edit.
import { describe, expect, it } from 'vitest';
import type { DocumentRules, HeadlessRules, ModelRules } from '../../../../shared/export-dto';
import { makePreset } from '../../test-support/fake-export';
import { checkDraft, draftOf } from './preset-form';

const MODEL: ModelRules = {
  formats: ['glb', 'usdz'],
  maxBytes: 524_288_000,
  targetBytes: 15_728_640,
  maxTriangles: null,
  recommendedTriangles: 100_000,
  maxTextureSize: 2048,
  texturePowerOfTwo: false,
  compression: 'draco',
  notes: 'checked 2026-12',
};

const DOCUMENT: DocumentRules = {
  formats: ['pdf'],
  maxBytes: null,
  maxPages: 40,
  allowEncrypted: false,
  file: '{sku}-manual-{position}.pdf',
  notes: 'none published',
};

describe('preset form', () => {
  it('keeps the model rules through a draft and its check', () => {
    const checked = checkDraft({
      ...draftOf(makePreset('shopify', { model: MODEL })),
      name: 'Mine',
    });
    expect(checked.ok && checked.body.model).toEqual(MODEL);
    const without = checkDraft(draftOf(makePreset('web')));
    expect(without.ok && without.body.model).toBeUndefined();
  });

  it('keeps the manual rules through a draft and its check', () => {
    const checked = checkDraft({
      ...draftOf(makePreset('web', { document: DOCUMENT })),
      name: 'Mine',
    });
    expect(checked.ok && checked.body.document).toEqual(DOCUMENT);
    const without = checkDraft(draftOf(makePreset('web')));
    expect(without.ok && without.body.document).toBeUndefined();
  });

  it('keeps the static headless pack section through a draft and its check', () => {
    const HEADLESS: HeadlessRules = {
      sizes: '100vw',
      fallback: 'webp',
      spinWidth: 720,
      mediaCache: 'public, max-age=31536000, immutable',
      jsonCache: 'no-cache',
    };
    const checked = checkDraft({
      ...draftOf(makePreset('headless', { headless: HEADLESS })),
      name: 'Mine',
    });
    expect(checked.ok && checked.body.headless).toEqual(HEADLESS);
    const without = checkDraft(draftOf(makePreset('web')));
    expect(without.ok && without.body.headless).toBeUndefined();
  });
});
