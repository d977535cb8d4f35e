// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makePreset } from '../../test-support/fake-export';
import { makeAsset } from '../../test-support/fake-transport';
import { choose, labelled, press, typeInto } from '../../test-support/interact';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { PreviewPanel } from '../preview/PreviewPanel';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

async function start() {
  const transport = fakeEngine({
    total: 1,
    asset: (i) => makeAsset(i, { state: 'ok' }),
    presets: [makePreset('amazon-main', { name: 'Amazon main' })],
  });
  transport.handle('renditions.get', ({ assetId }) => ({
    focus: { assetId, x: 0.3, y: 0.6 },
    overrides: [{ assetId, presetId: null, quality: 90 }],
  }));
  harness = await startUi(<PreviewPanel />, transport);
  act(() => harness!.stores.selection.getState().select(0, 1));
  await flush();
  const beforeOpening = transport.callsOf('renditions.get').length;
  const section = oneByTestId(harness.root, 'export-overrides') as HTMLDetailsElement;
  act(() => {
    section.open = true;
    section.dispatchEvent(new Event('toggle'));
  });
  await flush();
  return { transport, section, beforeOpening };
}

describe('export overrides in the preview panel', () => {
  it('loads only when opened, then shows the focal point and the overrides there are', async () => {
    const { transport, section, beforeOpening } = await start();
    expect(beforeOpening).toBe(0);
    expect(transport.callsOf('renditions.get')).toEqual([{ assetId: 1 }]);
    expect(oneByTestId(section, 'override-focus').textContent).toBe('Focal point: 30 %, 60 %');
    expect(oneByTestId(section, 'override-list').textContent).toBe('All presets: quality 90');
    // The form starts from the override of the chosen preset (all presets).
    expect(oneByTestId(section, 'override-quality')).toHaveProperty('value', '90');
  });

  it('saves only what was set, for the chosen preset', async () => {
    const { transport, section } = await start();
    choose(oneByTestId(section, 'override-preset'), 'amazon-main');
    choose(oneByTestId(section, 'override-fit'), 'cover');
    choose(labelled(section, 'Trim'), 'off');
    await press(oneByTestId(section, 'override-exclude'));
    await press(oneByTestId(section, 'override-save'));
    expect(transport.callsOf('renditions.setOverride')).toEqual([
      { assetId: 1, presetId: 'amazon-main', fit: 'cover', trim: false, exclude: true },
    ]);
    expect(oneByTestId(section, 'override-list').textContent).toContain(
      'Amazon main: fit cover · no trim · excluded',
    );
  });

  it('checks the colour and quality before sending, and removes an override', async () => {
    const { transport, section } = await start();
    typeInto(labelled(section, 'Background'), 'white');
    await press(oneByTestId(section, 'override-save'));
    expect(transport.callsOf('renditions.setOverride')).toHaveLength(0);
    expect(oneByTestId(section, 'override-message').textContent).toMatch(/#rrggbb/);

    await press(oneByTestId(section, 'override-clear'));
    expect(transport.callsOf('renditions.clearOverride')).toEqual([{ assetId: 1, presetId: null }]);
    expect(byTestId(section, 'override-list')).toHaveLength(0);
  });
});
