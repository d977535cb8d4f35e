// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog, JobProgress } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import { Client } from '../client';
import { connectStores } from '../store/connect-stores';
import { createStores } from '../store/create-stores';
import {
  FakeTransport,
  makeAsset,
  makeCatalog,
  makeDetail,
  serveAssets,
} from '../test-support/fake-transport';
import {
  byTestId,
  flush,
  mount,
  oneByTestId,
  stubLayout,
  type Mounted,
} from '../test-support/render';
import { App } from './App';

let restoreLayout: () => void;
let mounted: Mounted | undefined;
let disconnect: (() => void) | undefined;

beforeEach(() => {
  restoreLayout = stubLayout(1000, 800);
});

afterEach(() => {
  disconnect?.();
  mounted?.unmount();
  mounted = undefined;
  restoreLayout();
});

const idle: JobProgress = {
  running: false,
  done: 0,
  total: 0,
  errors: 0,
  rate: 0,
  etaSeconds: null,
};

const shoot: Catalog = makeCatalog(1, {
  path: '/photos/shoot',
  name: 'shoot',
  assetCount: 3,
  errorCount: 1,
});

/** An engine with `catalogs` and three assets in catalog 1, the second unreadable. */
function engine(catalogs: Catalog[] = []): FakeTransport {
  const transport = new FakeTransport();
  let list = [...catalogs];
  transport
    .handle('catalogs.list', () => list)
    .handle('catalogs.add', ({ path }) => {
      const added = { ...shoot, path, name: path.split('/').pop() ?? path };
      list = [added];
      return added;
    })
    .handle('catalogs.scan', () => ({ listed: 3, queued: 3 }))
    .handle('jobs.status', () => idle)
    .handle('assets.prioritize', () => ({ moved: 0 }))
    .handle('folders.list', () => [])
    .handle('assets.get', ({ id }) => makeDetail(makeAsset(id - 1)))
    .handle('tags.list', () => []);
  serveAssets(
    transport,
    () => 3,
    (i) =>
      i === 1
        ? makeAsset(i, {
            state: 'error',
            thumb: 'error',
            error: 'Not an image: unsupported file format',
          })
        : makeAsset(i, { state: 'ok', thumb: 'ready', hash: 'b'.repeat(64) }),
  );
  return transport;
}

async function start(transport: FakeTransport) {
  const client = new Client(transport);
  const stores = createStores(client, {
    refetchDelayMs: 0,
    folderRefreshDelayMs: 0,
    storage: null,
  });
  disconnect = connectStores(client, stores);
  mounted = await mount(<App />, { client, stores });
  await flush();
  return { root: mounted.container, stores };
}

function typeInto(input: HTMLElement, value: string): void {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: HTMLElement | undefined): Promise<void> {
  if (element === undefined) throw new Error('nothing to click');
  act(() => element.click());
  await flush();
}

describe('first run', () => {
  it('invites the user to add a folder, with no picker in a plain browser', async () => {
    const { root } = await start(engine());
    const welcome = oneByTestId(root, 'welcome');
    expect(welcome.textContent).toMatch(/folder/i);
    expect(welcome.textContent).toMatch(/never moved or changed/);
    oneByTestId(root, 'catalog-path-input');
    expect(oneByTestId(root, 'catalog-add-button').textContent).toBe('Add folder');
    expect(welcome.textContent).not.toContain('Browse');
    expect(byTestId(root, 'grid')).toEqual([]);
  });

  it('adds the typed folder and shows its images', async () => {
    const transport = engine();
    const { root } = await start(transport);
    typeInto(oneByTestId(root, 'catalog-path-input'), '/photos/shoot');
    await click(oneByTestId(root, 'catalog-add-button'));
    await flush();

    expect(transport.callsOf('catalogs.add')).toEqual([{ path: '/photos/shoot' }]);
    expect(byTestId(root, 'welcome')).toEqual([]);
    expect(oneByTestId(root, 'catalog-list').textContent).toContain('shoot');
    expect(byTestId(oneByTestId(root, 'grid'), 'grid-cell')).toHaveLength(3);
    expect(oneByTestId(root, 'status-bar')).toBeTruthy();
  });

  it('says why a folder was refused, next to the field', async () => {
    const transport = engine();
    transport.handle('catalogs.add', () => {
      throw new PackshotError('not_found', 'There is no folder at /nope');
    });
    const { root } = await start(transport);
    typeInto(oneByTestId(root, 'catalog-path-input'), '/nope');
    await click(oneByTestId(root, 'catalog-add-button'));
    expect(oneByTestId(root, 'catalog-add-error').textContent).toBe('There is no folder at /nope');
    oneByTestId(root, 'welcome');
  });

  it('offers Browse… where the host has a folder picker, and adds the picked folder', async () => {
    const transport = engine();
    transport.pickFolder = () => Promise.resolve('/photos/picked');
    const { root } = await start(transport);
    const browse = [...oneByTestId(root, 'welcome').querySelectorAll('button')].find(
      (b) => b.textContent === 'Browse…',
    );
    await click(browse);
    expect(transport.callsOf('catalogs.add')).toEqual([{ path: '/photos/picked' }]);
  });
});

describe('browsing a catalog', () => {
  it('shows the selected image in the preview with readable facts', async () => {
    const { root } = await start(engine([shoot]));
    expect(oneByTestId(root, 'preview-panel').textContent).toMatch(/Select an image/);
    const cells = byTestId(root, 'grid-cell');
    await click(cells[0]);

    expect(oneByTestId(root, 'preview-name').textContent).toBe('img-000000.jpg');
    expect(oneByTestId(root, 'preview-dimensions').textContent).toBe('1200 × 800 px');
    expect(oneByTestId(root, 'preview-format').textContent).toBe('JPEG');
    const bytes = oneByTestId(root, 'preview-bytes');
    expect(bytes.textContent).toBe('1.2 MB');
    expect(bytes.title).toBe('1,234,567 bytes');
    expect(oneByTestId(root, 'preview-panel').querySelector('img')?.getAttribute('src')).toBe(
      `test-media://thumb/${'b'.repeat(64)}`,
    );
    expect(byTestId(root, 'preview-error')).toEqual([]);
  });

  it('tells why a file could not be read, in the cell and in the preview', async () => {
    const { root } = await start(engine([shoot]));
    const broken = byTestId(root, 'grid-cell').find((c) => c.dataset.state === 'error');
    expect(broken?.querySelector('[data-testid="cell-error"]')?.textContent).toBe(
      'Not an image: unsupported file format',
    );
    await click(broken);
    expect(oneByTestId(root, 'preview-error').textContent).toBe(
      'Not an image: unsupported file format',
    );
    expect(oneByTestId(root, 'catalog-list').textContent).toContain('! 1 unreadable');
  });

  it('reports failed calls to the user instead of swallowing them', async () => {
    const transport = engine([shoot]);
    transport.handle('assets.list', () => {
      throw new PackshotError('io', 'database disk image is malformed');
    });
    const { root } = await start(transport);
    expect(oneByTestId(root, 'notice').textContent).toContain('database disk image is malformed');
    expect(oneByTestId(root, 'grid').parentElement?.textContent).toContain('Retry');
  });
});

describe('status bar', () => {
  it('shows indexing progress from events, then idle', async () => {
    const transport = engine([shoot]);
    const { root } = await start(transport);
    expect(oneByTestId(root, 'status-bar').textContent).toMatch(/Idle/);

    act(() =>
      transport.emit('jobs.progress', {
        running: true,
        done: 1_234,
        total: 5_000,
        errors: 2,
        rate: 87.4,
        etaSeconds: 43,
      }),
    );
    expect(oneByTestId(root, 'status-progress').textContent).toBe('1,234 / 5,000');
    const text = oneByTestId(root, 'status-bar').textContent;
    expect(text).toContain('87 files/s');
    expect(text).toContain('43 s left');
    expect(text).toContain('2 errors');

    act(() => transport.emit('jobs.progress', { ...idle, done: 5_000, total: 5_000, errors: 2 }));
    expect(oneByTestId(root, 'status-bar').textContent).toMatch(/Idle · all files indexed/);
    expect(oneByTestId(root, 'status-bar').textContent).not.toContain('files/s');
  });
});
