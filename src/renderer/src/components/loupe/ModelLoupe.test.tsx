// @vitest-environment jsdom
// The 3D loupe's wiring (jsdom runs no WebGL: model-viewer itself is not loaded here, its
// element stays a plain one the test fires load and error on).
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset } from '../../test-support/fake-transport';
import { byTestId, flush, oneByTestId, stubLayout } from '../../test-support/render';
import { AssetGrid } from '../grid/AssetGrid';
import { Loupe } from './Loupe';

/**
 * A stand-in element: like model-viewer, it reports `load` on its own a moment after it is
 * added, takes focus on a click and turns on the arrow keys it receives.
 */
class FakeModelViewer extends HTMLElement {
  loaded = false;
  turns = 0;
  connectedCallback(): void {
    this.tabIndex = 0;
    this.addEventListener('keydown', (event) => {
      if (event.key.startsWith('Arrow')) this.turns += 1;
    });
    if (!this.getAttribute('src')?.includes('model/00')) return;
    setTimeout(() => {
      this.loaded = true;
      this.dispatchEvent(new CustomEvent('load', { detail: { url: this.getAttribute('src') } }));
    }, 20);
  }
}

vi.mock('./load-model-viewer', () => ({
  loadModelViewer: () => {
    if (!customElements.get('model-viewer')) customElements.define('model-viewer', FakeModelViewer);
    return Promise.resolve();
  },
}));

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

const hashOf = (i: number): string => String(i).padStart(2, '0').repeat(32);

/** Asset 0 a GLB, 1 a glTF the validator found errors in, 2 an OBJ, 3 a photo. */
async function openOn(index: number): Promise<HTMLElement> {
  const names = ['chair.glb', 'lamp.gltf', 'part.obj', 'shoe.jpg'];
  const transport = fakeEngine({
    total: 4,
    asset: (i) =>
      makeAsset(i, {
        name: names[i] ?? 'x.jpg',
        kind: i < 3 ? 'model' : 'image',
        state: i === 1 ? 'error' : 'ok',
        error: i === 1 ? 'glTF validator: 2 errors; ACCESSOR_INDEX_OOB' : null,
        thumb: 'ready',
        hash: hashOf(i),
      }),
  });
  harness = await startUi(
    <>
      <AssetGrid />
      <Loupe />
    </>,
    transport,
  );
  const grid = oneByTestId(harness.root, 'grid');
  act(() => byTestId(grid, 'grid-cell')[index]?.click());
  act(() => {
    grid.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
  });
  await flush();
  return oneByTestId(document.body, 'loupe');
}

const viewerOf = (loupe: HTMLElement): HTMLElement => oneByTestId(loupe, 'model-viewer');

describe('3D loupe', () => {
  it('shows a GLB in model-viewer from the model route, the thumbnail as its poster', async () => {
    const loupe = await openOn(0);
    const viewer = viewerOf(loupe);
    expect(viewer.tagName).toBe('MODEL-VIEWER');
    expect(viewer.getAttribute('src')).toBe(`test-media://model/${hashOf(0)}`);
    expect(viewer.getAttribute('poster')).toBe(`test-media://thumb/${hashOf(0)}`);
    expect(viewer.hasAttribute('camera-controls')).toBe(true);
    expect(oneByTestId(loupe, 'model-stage').dataset.state).toBe('loading');
    act(() => {
      viewer.dispatchEvent(new Event('load'));
    });
    expect(oneByTestId(loupe, 'model-stage').dataset.state).toBe('ready');
    expect(byTestId(loupe, 'loupe-image')).toEqual([]);
  });

  it('a viewer that loads on its own is seen as loaded', async () => {
    const loupe = await openOn(0);
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(oneByTestId(loupe, 'model-stage').dataset.state).toBe('ready');
  });

  it('switches the lighting', async () => {
    const loupe = await openOn(0);
    expect(viewerOf(loupe).getAttribute('environment-image')).toBe('neutral');
    act(() => oneByTestId(loupe, 'model-light').click());
    expect(viewerOf(loupe).getAttribute('environment-image')).toBe('legacy');
  });

  it('a model that fails to load shows why, over its thumbnail', async () => {
    const loupe = await openOn(1);
    expect(oneByTestId(loupe, 'loupe-reason').textContent).toContain('ACCESSOR_INDEX_OOB');
    act(() => {
      viewerOf(loupe).dispatchEvent(new Event('error'));
    });
    const failed = oneByTestId(loupe, 'model-failed');
    expect(failed.textContent).toBe(
      'This model cannot be shown in 3D: glTF validator: 2 errors; ACCESSOR_INDEX_OOB',
    );
    expect(failed.querySelector('img')?.getAttribute('src')).toBe(
      `test-media://thumb/${hashOf(1)}`,
    );
    expect(byTestId(loupe, 'model-viewer')).toEqual([]);
  });

  it('gives the keyboard back to the loupe after a click: ←/→ step the list, not turn the model', async () => {
    const loupe = await openOn(0);
    const viewer = viewerOf(loupe) as FakeModelViewer;
    act(() => {
      viewer.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
      viewer.focus(); // what a click on model-viewer does
      viewer.dispatchEvent(new MouseEvent('pointerup', { bubbles: true }));
    });
    expect(document.activeElement).toBe(loupe);
    act(() => {
      document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }),
      );
    });
    await flush();
    expect(viewer.turns).toBe(0);
    expect(loupe.getAttribute('aria-label')).toBe('Loupe: lamp.gltf');
  });

  it('an OBJ and a photo keep the picture loupe', async () => {
    for (const index of [2, 3]) {
      const loupe = await openOn(index);
      expect(byTestId(loupe, 'model-viewer')).toEqual([]);
      oneByTestId(loupe, 'loupe-image');
      harness?.unmount();
      harness = undefined;
    }
  });
});
