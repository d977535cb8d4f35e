// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makePreset, makeRendition } from '../../test-support/fake-export';
import { choose, labelled, press, typeInto } from '../../test-support/interact';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { PresetsPanel } from './PresetsPanel';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const PRESETS = [
  makePreset('amazon-main', {
    name: 'Amazon main',
    source: { title: 'Amazon product image requirements', url: null, checked: '2026-09-15' },
  }),
  makePreset('my-square', { name: 'My square', channel: 'web', builtIn: false, version: 3 }),
];

async function start() {
  const transport = fakeEngine({ presets: PRESETS });
  harness = await startUi(<PresetsPanel />, transport);
  return { transport, root: harness.root };
}

function item(root: HTMLElement, id: string): HTMLElement {
  const found = byTestId(root, 'preset-item').find((el) => el.dataset.presetId === id);
  if (found === undefined) throw new Error(`no preset ${id} in the list`);
  return found;
}

describe('presets panel', () => {
  it('lists presets with built-in ones marked, their source, the date checked and the version', async () => {
    const { root } = await start();
    const amazon = item(root, 'amazon-main');
    expect(amazon.textContent).toContain('Built-in');
    expect(amazon.textContent).toContain('Amazon product image requirements · checked 2026-09-15');
    expect(amazon.textContent).toContain('v1');
    expect(item(root, 'my-square').textContent).toContain('Yours');
    expect(item(root, 'my-square').textContent).not.toContain('Built-in');
  });

  it('shows what is wrong with a draft and saves nothing until it is right', async () => {
    const { transport, root } = await start();
    typeInto(oneByTestId(root, 'preset-name'), '   ');
    typeInto(oneByTestId(root, 'rendition-quality'), '120');
    typeInto(labelled(root, 'Background'), 'white');
    await press(oneByTestId(root, 'preset-save'));

    expect(transport.callsOf('presets.save')).toHaveLength(0);
    expect(oneByTestId(root, 'preset-message').textContent).toBe(
      'Fix the 3 problems marked below.',
    );
    expect(oneByTestId(root, 'preset-name').getAttribute('aria-invalid')).toBe('true');
    expect(oneByTestId(root, 'rendition-quality').getAttribute('aria-invalid')).toBe('true');
    expect(labelled(root, 'Background').getAttribute('aria-invalid')).toBe('true');
    expect(root.textContent).toContain('a colour as #rrggbb');
  });

  it('refuses cover without both sides, as the contract does', async () => {
    const { transport, root } = await start();
    choose(labelled(root, 'Fit'), 'cover');
    typeInto(oneByTestId(root, 'rendition-height'), '');
    await press(oneByTestId(root, 'preset-save'));
    expect(transport.callsOf('presets.save')).toHaveLength(0);
    expect(root.textContent).toContain('cover and contain need both a width and a height');
  });

  it('saves a valid edit and shows the new version, saying only affected images re-render', async () => {
    const { transport, root } = await start();
    typeInto(oneByTestId(root, 'rendition-quality'), '72');
    typeInto(oneByTestId(root, 'rendition-width'), '1600');
    await press(oneByTestId(root, 'preset-save'));
    await flush();

    const [call] = transport.callsOf('presets.save') as [
      { id: string; preset: { renditions: unknown[] } },
    ];
    expect(call.id).toBe('amazon-main');
    expect(call.preset.renditions).toEqual([makeRendition({ quality: 72, width: 1600 })]);
    expect(oneByTestId(root, 'preset-message').textContent).toMatch(
      /^Saved as version 2\. .*only the images this change affects/,
    );
    expect(oneByTestId(root, 'preset-version').textContent).toContain('version 2');
    expect(item(root, 'amazon-main').textContent).toContain('Built-in, edited');
  });

  it('saves the media a channel requires beside the photos', async () => {
    const { transport, root } = await start();
    const group = oneByTestId(root, 'preset-requires');
    await press(labelled(group, 'model'));
    await press(oneByTestId(root, 'preset-save'));
    await flush();
    const [call] = transport.callsOf('presets.save') as [
      { preset: { rules: { requires?: string[] } } },
    ];
    expect(call.preset.rules.requires).toEqual(['model']);
  });

  it('saves the white-background pass: auto, the shadow not kept', async () => {
    const { transport, root } = await start();
    const select = oneByTestId(root, 'rendition-white-background');
    expect(select).toHaveProperty('value', 'off');
    choose(select, 'auto');
    await press(oneByTestId(root, 'rendition-keep-shadow'));
    await press(oneByTestId(root, 'preset-save'));
    await flush();
    const [call] = transport.callsOf('presets.save') as [{ preset: { renditions: unknown[] } }];
    expect(call.preset.renditions).toEqual([
      makeRendition({ whiteBackground: 'auto', keepShadow: false }),
    ]);
  });

  it('copies a preset and opens the copy', async () => {
    const { transport, root } = await start();
    await press(oneByTestId(root, 'preset-copy'));
    await flush();
    expect(transport.callsOf('presets.copy')).toEqual([{ id: 'amazon-main' }]);
    expect(oneByTestId(root, 'preset-version').textContent).toContain('amazon-main-copy');
    expect(item(root, 'amazon-main-copy').getAttribute('aria-current')).toBe('true');
  });

  it('reverts an edited built-in preset after confirming, and deletes a user’s own', async () => {
    const { transport, root } = await start();
    // An unedited built-in preset has nothing to revert.
    expect(byTestId(root, 'preset-remove')).toHaveLength(0);
    typeInto(oneByTestId(root, 'rendition-quality'), '60');
    await press(oneByTestId(root, 'preset-save'));
    await flush();
    await press(oneByTestId(root, 'preset-remove'));
    expect(oneByTestId(root, 'preset-remove-confirm').textContent).toBe('Revert to built-in');
    await press(oneByTestId(root, 'preset-remove-confirm'));
    await flush();
    expect(transport.callsOf('presets.delete')).toEqual([{ id: 'amazon-main' }]);
    expect(oneByTestId(root, 'rendition-quality')).toHaveProperty('value', '85');

    await press(item(root, 'my-square'));
    await press(oneByTestId(root, 'preset-remove'));
    await press(oneByTestId(root, 'preset-remove-confirm'));
    await flush();
    expect(transport.callsOf('presets.delete')).toEqual([
      { id: 'amazon-main' },
      { id: 'my-square' },
    ]);
    expect(byTestId(root, 'preset-item').map((el) => el.dataset.presetId)).toEqual(['amazon-main']);
  });
});
