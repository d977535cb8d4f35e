import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../../shared/dto';
import { normalizePath, suggest } from './tag-match';

const tag = (id: number, path: string, count = 0, parentId = 0): Tag => ({
  id,
  parentId,
  name: path.split('|').pop() ?? path,
  path,
  count,
});

const TAGS = [
  tag(1, 'Product', 0),
  tag(2, 'Product|Shoes', 4, 1),
  tag(3, 'Product|Shoes|Sneakers', 12, 2),
  tag(4, 'Places|Amsterdam', 2),
  tag(5, 'Shoot|Summer', 7),
];

const paths = (text: string) =>
  suggest(TAGS, text).map((s) => (s.kind === 'tag' ? s.tag.path : `+${s.path}`));

describe('suggest', () => {
  it('matches any level of the path, case-insensitively, with full paths', () => {
    expect(paths('sneak')).toEqual(['Product|Shoes|Sneakers', '+sneak']);
    expect(paths('SHOE')).toEqual(['Product|Shoes', 'Product|Shoes|Sneakers', '+SHOE']);
    expect(paths('dam')).toEqual(['Places|Amsterdam', '+dam']);
  });

  it('ranks levels that start with the text first, then shorter paths', () => {
    expect(paths('s')).toEqual([
      'Shoot|Summer',
      'Product|Shoes',
      'Product|Shoes|Sneakers',
      'Places|Amsterdam', // only inside a level
      '+s',
    ]);
  });

  it('matches typed paths and offers no "create" for an exact one', () => {
    expect(paths('product|shoes')).toEqual(['Product|Shoes', 'Product|Shoes|Sneakers']);
    expect(paths('Product | Shoes | Boots')).toEqual(['+Product|Shoes|Boots']);
  });

  it('offers to create the typed path when nothing matches, and nothing for blank text', () => {
    expect(suggest(TAGS, 'Colour|Red')).toEqual([{ kind: 'create', path: 'Colour|Red' }]);
    expect(suggest(TAGS, '  ')).toEqual([]);
    expect(suggest(TAGS, '|')).toEqual([]);
  });
});

describe('normalizePath', () => {
  it('trims levels and drops empty ones', () => {
    expect(normalizePath(' A |  | B ')).toBe('A|B');
  });
});
