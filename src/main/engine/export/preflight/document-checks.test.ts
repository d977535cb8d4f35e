// Manual pre-flight on facts alone: each rule's message, a password (fails unless allowed),
// an owner password only (a warning), and a page count a password hides.
import { describe, expect, it } from 'vitest';
import type { DocumentRules } from '../../../../shared/export-dto';
import { emptyFacts } from '../../../../shared/media-facts';
import type { PackImage } from '../pack-source';
import { packImage } from '../../../test-support/pack-image';
import { documentChecks } from './document-checks';

const RULES: DocumentRules = {
  formats: ['pdf'],
  maxBytes: 1024 * 1024,
  maxPages: 20,
  allowEncrypted: false,
  file: '{sku}-manual-{position}.pdf',
  notes: '',
};

const manual = (over: Partial<PackImage> = {}, detail: Record<string, unknown> = {}): PackImage =>
  packImage({
    role: 'document',
    position: 1,
    name: 'Manual.PDF',
    path: '/x/Manual.PDF',
    kind: 'document',
    hash: 'a'.repeat(64),
    bytes: 200_000,
    format: 'pdf',
    width: 612,
    height: 792,
    facts: { ...emptyFacts(), pages: 12, detail: { encrypted: false, ...detail } },
    ...over,
  });

const said = (rules: DocumentRules, image: PackImage): string[] =>
  documentChecks(rules, image).map((f) => `${f.level}: ${f.reason}`);

describe('documentChecks', () => {
  it('passes a manual within the rules with nothing to say', () => {
    expect(said(RULES, manual())).toEqual([]);
  });

  it('fails what a copy cannot fix: not a PDF, too large, too many pages, broken', () => {
    expect(said(RULES, manual({ name: 'm.docx', format: 'docx' }))).toEqual([
      'fail: DOCX is not taken (PDF)',
    ]);
    expect(said(RULES, manual({ bytes: 3 * 1024 * 1024 }))).toEqual([
      'fail: 3.0 MB is over the limit of 1.0 MB',
    ]);
    const long = manual({ facts: { ...emptyFacts(), pages: 21, detail: {} } });
    expect(said(RULES, long)).toEqual(['fail: 21 pages is over the limit of 20']);
    expect(said(RULES, manual({ state: 'error', facts: null }))[0]).toMatch(
      /^fail: the PDF could not be read when indexed/,
    );
    expect(said(RULES, manual({ kind: 'image' }))).toEqual([
      'fail: not a document (its kind is image)',
    ]);
  });

  it('fails a password-protected PDF unless the preset allows it; warns of an owner password', () => {
    const locked = manual({
      facts: { ...emptyFacts(), detail: { encrypted: true, password: true } },
    });
    expect(said(RULES, locked)).toEqual([
      'fail: password-protected: a customer could not open it without the password',
      'warn: its page count is not known (the password hides it); the limit of 20 is not checked',
    ]);
    expect(said({ ...RULES, allowEncrypted: true, maxPages: null }, locked)).toEqual([]);
    expect(said(RULES, manual({}, { encrypted: true }))).toEqual([
      'warn: encrypted with an owner password: it opens without one, but printing or copying may be restricted',
    ]);
  });
});
