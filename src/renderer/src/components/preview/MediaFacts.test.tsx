// @vitest-environment jsdom
// The preview's Media facts section: what assets.get's facts hold, for any kind; none for
// a photo.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Asset } from '../../../../shared/dto';
import { emptyFacts, type MediaFacts } from '../../../../shared/media-facts';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset, makeDetail } from '../../test-support/fake-transport';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { PreviewPanel } from './PreviewPanel';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

async function show(over: Partial<Asset>, facts: Partial<MediaFacts> | null) {
  const transport = fakeEngine({
    asset: (i) => makeAsset(i, over),
    detail: (a) => makeDetail(a, { facts: facts && { ...emptyFacts(), ...facts } }),
  });
  harness = await startUi(<PreviewPanel />, transport);
  const { stores, root } = harness;
  act(() => stores.assets.getState().ensureRange(0, 10));
  await flush();
  act(() => stores.selection.getState().select(0, 1));
  await flush();
  await flush();
  const section = () => byTestId(root, 'media-facts');
  const labels = () =>
    [...oneByTestId(root, 'media-facts').querySelectorAll('dt')].map((d) => d.textContent);
  const text = (id: string) => oneByTestId(root, id).textContent;
  return { section, labels, text, root };
}

describe('media facts in the preview', () => {
  it("shows a video's facts once: play time cut to whole seconds, codec with profile, the reader's detail", async () => {
    const { labels, text, root } = await show(
      { kind: 'video', width: 1920, height: 1080, displayWidth: 1080, displayHeight: 1920 },
      {
        // 95.6 s: 1:35 as duration=95 finds it (a rounding 1:36 would not match the search).
        durationMs: 95_600,
        codec: 'h264',
        fps: 29.97,
        bitrate: 2_661_651,
        audio: true,
        rotation: 90,
        // As the video reader writes them (tools/ffmpeg/video-facts.ts).
        detail: {
          container: 'mov,mp4,m4a,3gp,3g2,mj2',
          audioCodec: 'aac',
          pixelFormat: 'yuv420p',
          profile: 'High',
        },
      },
    );
    expect(labels()).toEqual([
      'Duration',
      'Codec',
      'Frame rate',
      'Bit rate',
      'Audio',
      'Rotation',
      'Container',
    ]);
    expect(text('facts-duration')).toBe('1:35');
    expect(text('facts-codec')).toBe('h264 · High · yuv420p');
    expect(text('facts-fps')).toBe('29.97 fps');
    expect(text('facts-bitrate')).toBe('2.7 Mbit/s');
    expect(text('facts-audio')).toBe('aac');
    expect(text('facts-rotation')).toBe('90°');
    expect(text('facts-container')).toBe('mov, mp4, m4a, 3gp, 3g2, mj2');
    // Nowhere else in the panel: one Duration, and the frame size only as Dimensions.
    const all = [...oneByTestId(root, 'preview-panel').querySelectorAll('dt')].map(
      (d) => d.textContent,
    );
    expect(all.filter((l) => l === 'Duration')).toHaveLength(1);
    expect(all.filter((l) => l === 'Frame rate')).toHaveLength(1);
    expect(all).not.toContain('Resolution');
    expect(text('preview-dimensions')).toBe('1080 × 1920 px');
  });

  it('says a video without sound has none, and a bare codec stays bare', async () => {
    const { text } = await show({ kind: 'video' }, { codec: 'mpeg4', audio: false });
    expect(text('facts-codec')).toBe('mpeg4');
    expect(text('facts-audio')).toBe('No');
  });

  it("shows a document's pages, title and author", async () => {
    const { labels, text } = await show(
      { kind: 'document', width: null, height: null, displayWidth: null, displayHeight: null },
      { pages: 1204, title: 'Runner manual', author: 'Acme' },
    );
    expect(labels()).toEqual(['Pages', 'Title', 'Author']);
    expect(text('facts-pages')).toBe('1,204');
    expect(text('facts-title')).toBe('Runner manual');
  });

  it("shows a model's counts, its size in metres and the validator's problems", async () => {
    const { labels, text, root } = await show(
      { kind: 'model', width: 512, height: 512, displayWidth: 512, displayHeight: 512 },
      {
        meshes: 3,
        triangles: 42_000,
        materials: 2,
        textures: 0,
        detail: {
          // As the model reader writes them (tools/gltf/model-facts.ts, validate-model.ts).
          sizeMetres: { x: 0.5, y: 0.9, z: 0.45 },
          validation: {
            errors: 1,
            warnings: 1,
            messages: [
              { severity: 'error', code: 'BUFFER_LENGTH', text: 'Buffer is cut' },
              { severity: 'warning', code: 'UNUSED_OBJECT', text: 'Unused texture' },
            ],
          },
        },
      },
    );
    expect(labels()).toEqual(['Meshes', 'Triangles', 'Materials', 'Textures', 'Real size']);
    expect(text('facts-triangles')).toBe('42,000');
    expect(text('facts-textures')).toBe('0');
    expect(text('facts-size')).toBe('0.50 × 0.90 × 0.45 m');
    expect(
      [...oneByTestId(root, 'facts-problems').querySelectorAll('li')].map((l) => l.textContent),
    ).toEqual(['error: Buffer is cut (BUFFER_LENGTH)', 'warning: Unused texture (UNUSED_OBJECT)']);
  });

  it('is hidden for a photo (no facts)', async () => {
    const { section, root } = await show({}, null);
    expect(byTestId(root, 'preview-dimensions')).toHaveLength(1); // the panel is there
    expect(section()).toEqual([]);
  });
});
