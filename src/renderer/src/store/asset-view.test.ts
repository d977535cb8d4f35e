// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  listArgs,
  listQuery,
  nextView,
  sameView,
  viewAsQuery,
  viewDependsOnIndexing,
} from './asset-view';

describe('nextView', () => {
  it('keeps a folder only inside a catalog', () => {
    const inFolder = nextView(DEFAULT_VIEW, { catalogId: 2, folder: 'shoot/day 1' });
    expect(inFolder).toMatchObject({ catalogId: 2, folder: 'shoot/day 1' });
    expect(nextView(inFolder, { catalogId: 3 }).folder).toBeNull();
    expect(nextView(inFolder, { catalogId: null }).folder).toBeNull();
    expect(nextView(DEFAULT_VIEW, { folder: 'x' }).folder).toBeNull();
    expect(nextView(inFolder, { catalogId: 2, folder: '' }).folder).toBeNull();
  });

  it('keeps filters and sort when the catalog changes', () => {
    const view = nextView(DEFAULT_VIEW, { sort: 'size', filter: 'errors', formats: ['png'] });
    expect(nextView(view, { catalogId: 4 })).toMatchObject({
      sort: 'size',
      filter: 'errors',
      formats: ['png'],
    });
  });

  it('normalises formats so equal selections are equal views', () => {
    const a = nextView(DEFAULT_VIEW, { formats: ['PNG', 'jpeg', 'png'] });
    const b = nextView(DEFAULT_VIEW, { formats: ['jpeg', 'png'] });
    expect(a.formats).toEqual(['jpeg', 'png']);
    expect(sameView(a, b)).toBe(true);
    expect(sameView(a, nextView(DEFAULT_VIEW, { formats: ['jpeg'] }))).toBe(false);
    expect(sameView(a, { ...a, filter: 'missing' })).toBe(false);
    expect(sameView(a, { ...a, sort: 'captured' })).toBe(false);
  });
});

describe('listArgs', () => {
  it('leaves defaults out, besides the grid asking for no keywords', () => {
    expect(listArgs(DEFAULT_VIEW, 0, 500)).toEqual({
      offset: 0,
      limit: 500,
      keywords: false,
      sort: 'name',
    });
  });

  it('sends folder (with its catalog), formats and filter', () => {
    const view = nextView(DEFAULT_VIEW, {
      catalogId: 3,
      folder: 'a/b',
      sort: 'captured',
      filter: 'duplicates',
      formats: ['cr2', 'jpeg'],
    });
    expect(listArgs(view, 1000, 500)).toEqual({
      offset: 1000,
      limit: 500,
      keywords: false,
      sort: 'captured',
      catalogId: 3,
      folder: 'a/b',
      formats: ['cr2', 'jpeg'],
      filter: 'duplicates',
    });
  });
});

describe('viewDependsOnIndexing', () => {
  it('is true where reading a file can move it in or out of the list, or reorder it', () => {
    expect(viewDependsOnIndexing(DEFAULT_VIEW)).toBe(false);
    expect(viewDependsOnIndexing({ ...DEFAULT_VIEW, sort: 'size' })).toBe(false);
    expect(viewDependsOnIndexing({ ...DEFAULT_VIEW, sort: 'captured' })).toBe(true);
    expect(viewDependsOnIndexing({ ...DEFAULT_VIEW, filter: 'errors' })).toBe(true);
    expect(viewDependsOnIndexing({ ...DEFAULT_VIEW, formats: ['png'] })).toBe(true);
  });
});

describe('hide rejects', () => {
  it('adds NOT flag:reject, around the user’s query in parentheses', () => {
    expect(listQuery({ query: '', hideRejects: false })).toBe('');
    expect(listQuery({ query: 'red OR blue', hideRejects: false })).toBe('red OR blue');
    expect(listQuery({ query: '', hideRejects: true })).toBe('NOT flag:reject');
    expect(listQuery({ query: 'red OR blue', hideRejects: true })).toBe(
      '(red OR blue) AND NOT flag:reject',
    );
  });

  it('sends the composed query with the page request, and a change is a new view', () => {
    const view = nextView(DEFAULT_VIEW, { query: '  tag:"A|B" ', hideRejects: true });
    expect(view.query).toBe('tag:"A|B"');
    expect(listArgs(view, 0, 500)).toEqual({
      offset: 0,
      limit: 500,
      keywords: false,
      sort: 'name',
      query: '(tag:"A|B") AND NOT flag:reject',
    });
    expect(sameView(view, { ...view, hideRejects: false })).toBe(false);
    expect(viewDependsOnIndexing(view)).toBe(true);
  });
});

describe('viewAsQuery', () => {
  it('is the list query when the search language can say the whole view, else null', () => {
    expect(viewAsQuery(nextView(DEFAULT_VIEW, { query: 'shoes', hideRejects: true }))).toBe(
      '(shoes) AND NOT flag:reject',
    );
    expect(viewAsQuery(DEFAULT_VIEW)).toBe('');
    expect(viewAsQuery(nextView(DEFAULT_VIEW, { catalogId: 2 }))).toBeNull();
    expect(viewAsQuery(nextView(DEFAULT_VIEW, { filter: 'errors' }))).toBeNull();
    expect(viewAsQuery(nextView(DEFAULT_VIEW, { formats: ['png'] }))).toBeNull();
    expect(
      viewAsQuery(nextView(DEFAULT_VIEW, { collection: { id: 3, manual: false } })),
    ).toBeNull();
  });
});

describe('collections and queries in the view', () => {
  it('shows a collection across catalogs and leaves it when a catalog or folder is chosen', () => {
    const inCatalog = nextView(DEFAULT_VIEW, { catalogId: 2, folder: 'a' });
    const board = nextView(inCatalog, { collection: { id: 7, manual: true } });
    expect(board).toMatchObject({ catalogId: null, folder: null, collection: { id: 7 } });
    expect(nextView(board, { catalogId: null }).collection).toBeNull();
    expect(nextView(board, { catalogId: 2, folder: 'a' }).collection).toBeNull();
    expect(nextView(board, { sort: 'size' }).collection).toEqual({ id: 7, manual: true });
    expect(sameView(board, nextView(board, { collection: { id: 8, manual: true } }))).toBe(false);
  });

  it('lists a manual collection in its own order, a saved search by its query', () => {
    const manual = nextView(DEFAULT_VIEW, { collection: { id: 7, manual: true } });
    expect(listArgs(manual, 0, 500)).toEqual({
      offset: 0,
      limit: 500,
      keywords: false,
      collectionId: 7,
    });
    const smart = nextView(DEFAULT_VIEW, { collection: { id: 3, manual: false }, query: 'red' });
    expect(listArgs(smart, 0, 500)).toEqual({
      offset: 0,
      limit: 500,
      keywords: false,
      sort: 'name',
      collectionId: 3,
      query: 'red',
    });
    expect(viewDependsOnIndexing(smart)).toBe(true);
    expect(viewDependsOnIndexing(manual)).toBe(false);
  });
});
