// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../../../shared/contract';
import { memoryStorage, startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset, makeCatalog, type FakeTransport } from '../../test-support/fake-transport';
import { flush, oneByTestId, stubLayout } from '../../test-support/render';
import { AssetGrid } from '../grid/AssetGrid';
import { GridToolbar } from './GridToolbar';

let harness: Harness | undefined;
let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout(1000, 800);
});
afterEach(() => {
  harness?.unmount();
  harness = undefined;
  restoreLayout();
});

async function start(transport: FakeTransport = fakeEngine({ catalogs: [makeCatalog(1)] })) {
  harness = await startUi(
    <>
      <GridToolbar />
      <AssetGrid />
    </>,
    transport,
  );
  return { ...harness, lastList: () => lastList(transport) };
}

function lastList(transport: FakeTransport): MethodArgs<'assets.list'> | undefined {
  return (transport.callsOf('assets.list') as Array<MethodArgs<'assets.list'>>).at(-1);
}

/** Sets a form control's value the way a user's edit does, so React sees it. */
function setValue(element: HTMLElement, value: string, event: 'input' | 'change'): void {
  const proto = Object.getPrototypeOf(element) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  act(() => {
    setter?.call(element, value);
    element.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  act(() => element.click());
  await flush();
}

describe('sort', () => {
  it('offers name, capture date, date added and size, and lists in that order', async () => {
    const { root, lastList } = await start();
    const select = oneByTestId(root, 'sort-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['name', 'captured', 'added', 'size']);
    setValue(select, 'captured', 'change');
    await flush();
    expect(lastList()).toMatchObject({ sort: 'captured', offset: 0 });
    setValue(select, 'size', 'change');
    await flush();
    expect(lastList()).toMatchObject({ sort: 'size' });
  });
});

describe('state filter', () => {
  it('shows one state at a time, and all again', async () => {
    const { root, lastList } = await start();
    expect(oneByTestId(root, 'filter-all').getAttribute('aria-pressed')).toBe('true');
    for (const filter of ['missing', 'errors', 'duplicates', 'offline', 'unlinked'] as const) {
      await click(oneByTestId(root, `filter-${filter}`));
      expect(lastList()).toMatchObject({ filter });
      expect(oneByTestId(root, `filter-${filter}`).getAttribute('aria-pressed')).toBe('true');
      expect(oneByTestId(root, 'filter-all').getAttribute('aria-pressed')).toBe('false');
    }
    await click(oneByTestId(root, 'filter-all'));
    expect(lastList()).not.toHaveProperty('filter');
  });
});

describe('format filter', () => {
  it('lists common formats and those loaded, and narrows the list to the checked ones', async () => {
    const transport = fakeEngine({
      catalogs: [makeCatalog(1)],
      total: 2,
      asset: (i) => makeAsset(i, { format: i === 0 ? 'jpeg' : 'mp4' }),
    });
    const { root, lastList } = await start(transport);
    const filter = oneByTestId(root, 'format-filter') as HTMLDetailsElement;
    expect(filter.textContent).toContain('Format: All');
    await click(filter.querySelector('summary'));
    const boxes = () => [...filter.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes().map((b) => b.value)).toContain('cr2');
    expect(boxes().map((b) => b.value)).toContain('mp4');

    await click(boxes().find((b) => b.value === 'png'));
    await click(boxes().find((b) => b.value === 'jpeg'));
    expect(lastList()).toMatchObject({ formats: ['jpeg', 'png'] });
    expect(filter.querySelector('summary')?.textContent).toBe('Format: JPEG, PNG');

    await click(boxes().find((b) => b.value === 'png'));
    expect(lastList()).toMatchObject({ formats: ['jpeg'] });
    await click(
      [...filter.querySelectorAll('button')].find((b) => b.textContent === 'All formats'),
    );
    expect(lastList()).not.toHaveProperty('formats');
  });
});

describe('thumbnail size', () => {
  it('changes how many columns the grid has, and is remembered', async () => {
    const storage = memoryStorage();
    harness = await startUi(
      <>
        <GridToolbar />
        <AssetGrid />
      </>,
      fakeEngine({ total: 100 }),
      storage,
    );
    const { root } = harness;
    const grid = oneByTestId(root, 'grid');
    expect(grid.getAttribute('aria-colcount')).toBe('5');
    const slider = oneByTestId(root, 'thumb-size-slider') as HTMLInputElement;
    expect(slider).toMatchObject({ min: '96', max: '320' });
    setValue(slider, '96', 'input');
    await flush();
    expect(grid.getAttribute('aria-colcount')).toBe('9');
    setValue(slider, '320', 'input');
    await flush();
    expect(grid.getAttribute('aria-colcount')).toBe('2');

    harness.unmount();
    harness = await startUi(<AssetGrid />, fakeEngine({ total: 100 }), storage);
    expect(oneByTestId(harness.root, 'grid').getAttribute('aria-colcount')).toBe('2');
  });
});

describe('title', () => {
  it('names the catalog and the folder shown', async () => {
    const { root, stores } = await start(
      fakeEngine({ catalogs: [makeCatalog(1, { name: 'shoot' })] }),
    );
    expect(root.querySelector('.grid-title')?.textContent).toBe('All media');
    act(() => stores.assets.getState().setView({ catalogId: 1, folder: '2026/spring' }));
    await flush();
    expect(root.querySelector('.grid-title')?.textContent).toBe('shoot / 2026/spring');
  });
});

describe('search box', () => {
  it('lists the search language in its tooltip, rich-media terms included', async () => {
    const { root } = await start();
    const title = oneByTestId(root, 'search-input').getAttribute('title') ?? '';
    for (const term of [
      'kind:video',
      'duration>30',
      'pages>10',
      'codec:h264',
      'text:"quick start"',
    ])
      expect(title, term).toContain(term);
  });

  it('lists the offline AI terms: ai:, people:, release:, face:, ~"…", like:', async () => {
    const { root } = await start();
    const title = oneByTestId(root, 'search-input').getAttribute('title') ?? '';
    for (const term of [
      'ai:cup',
      'ai:pending',
      'people:yes',
      'release:missing',
      'face:',
      '~"red shoe on rocks"',
      'like:123',
    ])
      expect(title, term).toContain(term);
  });

  it('lists every kind kind: takes, spins included', async () => {
    const { root } = await start();
    const title = oneByTestId(root, 'search-input').getAttribute('title') ?? '';
    const kinds = /^kind:(\S+)$/m.exec(title)?.[1]?.split('|');
    expect(kinds?.sort()).toEqual(
      ['document', 'image', 'model', 'other', 'raw', 'spin', 'vector', 'video'].sort(),
    );
  });
});
