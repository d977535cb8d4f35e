import { describe, expect, it } from 'vitest';
import { queryReadsAi } from './search-fields';

describe('queryReadsAi', () => {
  it('is false for searches of the row, its tags, products and rights only', () => {
    for (const query of [
      '',
      'tag:Shoes',
      'tag:"Running shoes" format:raw',
      '(rating>=4 OR flag:pick) AND NOT flag:reject',
      '-kind:video width>=2000 duration>30',
      'missing OR dupes',
      'sku:AB-12 rights:expired approval:approved',
    ])
      expect([query, queryReadsAi(query)]).toEqual([query, false]);
  });

  it('is true for free words, phrases, meaning, ai:, faces, text: and fields it does not know', () => {
    for (const query of [
      'sneaker',
      '"side view"',
      'tag:Shoes red',
      '~"red shoe on rocks"',
      'like:123',
      'ai:cup',
      'ai:pending',
      'people:yes',
      'face:Ann',
      'release:missing',
      'text:"quick start"',
      'newfield:x',
    ])
      expect([query, queryReadsAi(query)]).toEqual([query, true]);
  });
});
