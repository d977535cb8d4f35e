// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makePreset } from '../../test-support/fake-export';
import { makeCatalog } from '../../test-support/fake-transport';
import { press } from '../../test-support/interact';
import { byTestId, oneByTestId } from '../../test-support/render';
import { App } from '../App';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

describe('export view', () => {
  it('is reached from the top of the app, with presets, pre-flight and export as tabs', async () => {
    const transport = fakeEngine({
      // The views' switch shows once there is a catalog (before, the welcome screen).
      catalogs: [makeCatalog(1)],
      presets: [makePreset('amazon-main', { name: 'Amazon main' })],
    });
    harness = await startUi(<App />, transport);
    const { root } = harness;
    expect(byTestId(root, 'export-view')).toHaveLength(0);
    // Presets are read only once someone looks at them.
    expect(transport.callsOf('presets.list')).toHaveLength(0);

    await press(oneByTestId(root, 'section-export'));
    expect(oneByTestId(root, 'section-export').getAttribute('aria-current')).toBe('page');
    expect(byTestId(root, 'preset-item').map((el) => el.dataset.presetId)).toEqual(['amazon-main']);
    const panel = (id: string) => root.querySelector<HTMLElement>(`#export-panel-${id}`)!;
    expect([panel('presets').hidden, panel('preflight').hidden]).toEqual([false, true]);
    await press(oneByTestId(root, 'export-tab-preflight'));
    expect([panel('presets').hidden, panel('preflight').hidden]).toEqual([true, false]);

    // The arrows move between tabs, and focus follows.
    act(() => {
      oneByTestId(root, 'export-tab-preflight').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }),
      );
    });
    expect(panel('export').hidden).toBe(false);
    expect(document.activeElement).toBe(oneByTestId(root, 'export-tab-export'));

    await press(oneByTestId(root, 'section-library'));
    expect(byTestId(root, 'export-view')).toHaveLength(0);
  });

  it('brings the preset list up to date when the engine says presets changed', async () => {
    const transport = fakeEngine({
      // The views' switch shows once there is a catalog (before, the welcome screen).
      catalogs: [makeCatalog(1)],
      presets: [makePreset('amazon-main', { name: 'Amazon main' })],
    });
    harness = await startUi(<App />, transport);
    await press(oneByTestId(harness.root, 'section-export'));
    transport.handle('presets.list', () => [
      makePreset('amazon-main', { name: 'Amazon main' }),
      makePreset('etsy', { name: 'Etsy', channel: 'etsy' }),
    ]);
    transport.emit('presets.changed', {});
    await press(oneByTestId(harness.root, 'export-tab-presets'));
    expect(byTestId(harness.root, 'preset-item').map((el) => el.dataset.presetId)).toEqual([
      'amazon-main',
      'etsy',
    ]);
  });
});
