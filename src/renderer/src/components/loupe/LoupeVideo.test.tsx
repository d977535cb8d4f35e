// @vitest-environment jsdom
// A video in the grid (its play time, a hover scrub from one sprite) and in the loupe (a
// player on the host's video route), with the culling keys and arrows still working.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodArgs } from '../../../../shared/contract';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset, makeDetail, type FakeTransport } from '../../test-support/fake-transport';
import { emptyFacts } from '../../../../shared/media-facts';
import { PreviewPanel } from '../preview/PreviewPanel';
import { byTestId, flush, oneByTestId, stubLayout } from '../../test-support/render';
import { CullingLayer } from '../culling/CullingLayer';
import { AssetGrid } from '../grid/AssetGrid';
import { Loupe } from './Loupe';

const HASH = (i: number) => String(i).repeat(64).slice(0, 64);
let ui: Harness | undefined;
let restoreLayout: () => void;

beforeEach(() => {
  restoreLayout = stubLayout(1000, 800);
});
afterEach(() => {
  ui?.unmount();
  ui = undefined;
  restoreLayout();
  vi.restoreAllMocks();
});

/** Four assets; the second (id 2) is an 8.9 s video (0:08: play time is cut, not rounded). */
async function start(): Promise<{ transport: FakeTransport; root: HTMLElement }> {
  const transport = fakeEngine({
    total: 4,
    asset: (i) =>
      i === 1
        ? makeAsset(i, {
            name: 'clip.mp4',
            kind: 'video',
            format: 'mov',
            state: 'ok',
            thumb: 'ready',
            hash: HASH(i),
            durationMs: 8900,
          })
        : makeAsset(i, { state: 'ok', thumb: 'ready', hash: HASH(i) }),
    detail: (asset) => ({
      ...makeDetail(asset),
      facts:
        asset.kind === 'video'
          ? {
              ...emptyFacts(),
              durationMs: 8900,
              codec: 'h264',
              fps: 25,
              bitrate: 2661651,
              audio: true,
              rotation: 90,
              detail: {
                container: 'avi',
                audioCodec: 'aac',
                profile: 'High',
                pixelFormat: 'yuv420p',
              },
            }
          : null,
    }),
  });
  ui = await startUi(
    <>
      <AssetGrid />
      <PreviewPanel />
      <Loupe />
      <CullingLayer />
    </>,
    transport,
  );
  return { transport, root: ui.root };
}

function press(target: EventTarget, key: string): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

const cells = (root: HTMLElement) => byTestId(root, 'grid-cell');

describe('a video in the grid', () => {
  it('shows its play time on its cell only', async () => {
    const { root } = await start();
    const [photo, video] = cells(root);
    expect(oneByTestId(video!, 'cell-duration').textContent).toBe('0:08');
    expect(byTestId(photo!, 'cell-duration')).toHaveLength(0);
    expect(byTestId(photo!, 'cell-scrub-area')).toHaveLength(0);
  });

  it('scrubs by moving the sprite under the pointer, asking nothing per frame', async () => {
    const { root, transport } = await start();
    const area = oneByTestId(cells(root)[1]!, 'cell-scrub-area');
    vi.spyOn(area, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 0, 200, 150));
    const calls = transport.calls.length;
    const move = (clientX: number) =>
      act(() => {
        area.dispatchEvent(new MouseEvent('pointermove', { bubbles: true, clientX }));
      });
    move(250); // three quarters across: frame 7 of 0–9
    const frame = oneByTestId(area, 'cell-scrub');
    expect(frame.dataset.frame).toBe('7');
    expect(frame.style.backgroundImage).toBe(`url("test-media://strip/${HASH(1)}")`);
    expect(frame.style.backgroundSize).toBe('1000% 100%');
    expect(frame.style.backgroundPosition).toBe(`${(7 / 9) * 100}% 0px`);
    move(100);
    expect(oneByTestId(area, 'cell-scrub').dataset.frame).toBe('0');
    act(() => {
      area.dispatchEvent(new MouseEvent('pointerout', { bubbles: true }));
      area.dispatchEvent(new MouseEvent('pointerleave', { bubbles: false }));
    });
    expect(byTestId(area, 'cell-scrub')).toHaveLength(0);
    expect(transport.calls.length).toBe(calls);
  });
});

describe('a video in the preview', () => {
  it('lists its facts from ffprobe once, in Media facts, and none of them for a photo', async () => {
    const { root } = await start();
    act(() => cells(root)[1]!.click());
    await flush();
    const panel = oneByTestId(root, 'preview-panel');
    const fact = (id: string) => oneByTestId(panel, id).textContent;
    expect(fact('facts-duration')).toBe('0:08');
    expect(fact('facts-codec')).toBe('h264 · High · yuv420p');
    expect(fact('facts-fps')).toBe('25 fps');
    expect(fact('facts-bitrate')).toBe('2.7 Mbit/s');
    expect(fact('facts-audio')).toBe('aac');
    expect(fact('facts-rotation')).toBe('90°');
    expect(fact('facts-container')).toBe('avi');
    expect(
      [...panel.querySelectorAll('dt')].filter((d) => d.textContent === 'Duration'),
    ).toHaveLength(1);
    act(() => cells(root)[0]!.click());
    await flush();
    expect(byTestId(oneByTestId(root, 'preview-panel'), 'facts-codec')).toHaveLength(0);
  });
});

describe('a video in the loupe', () => {
  it('plays on the video route; K plays and pauses; 0–5, P and arrows keep working', async () => {
    const { root, transport } = await start();
    act(() => cells(root)[1]!.click());
    press(oneByTestId(root, 'grid'), ' ');
    await flush();
    const loupe = oneByTestId(document.body, 'loupe');
    const video = oneByTestId(loupe, 'loupe-video') as HTMLVideoElement;
    expect(loupe.querySelector('.loupe-bar')?.textContent).toContain('0:08');
    expect(loupe.textContent).not.toContain('press Z');
    expect(video.getAttribute('src')).toBe(`test-media://video/${HASH(1)}`);
    expect(video.getAttribute('poster')).toBe(`test-media://thumb/${HASH(1)}`);
    expect(video.controls).toBe(true);
    expect(transport.callsOf('previews.ensure')).not.toContainEqual({ id: 2 });

    let paused = true;
    Object.defineProperty(video, 'paused', { configurable: true, get: () => paused });
    const play = vi.fn(() => {
      paused = false;
      return Promise.resolve();
    });
    const pause = vi.fn(() => {
      paused = true;
    });
    Object.assign(video, { play, pause });
    press(video, 'k');
    expect(play).toHaveBeenCalledTimes(1);
    press(video, 'K');
    expect(pause).toHaveBeenCalledTimes(1);

    // Culling keys typed while the player has been clicked reach the edit.
    press(video, '4');
    press(video, 'p');
    await flush();
    const edits = transport.callsOf('assets.edit') as Array<MethodArgs<'assets.edit'>>;
    expect(edits).toEqual([
      { ids: [2], rating: 4 },
      { ids: [2], flag: 'pick' },
    ]);

    press(video, 'ArrowRight');
    await flush();
    expect(byTestId(loupe, 'loupe-video')).toHaveLength(0);
    expect(loupe.textContent).toContain('img-000002.jpg');
    press(loupe, 'ArrowLeft');
    await flush();
    oneByTestId(loupe, 'loupe-video');
    press(loupe, ' ');
    await flush();
    expect(byTestId(document.body, 'loupe')).toHaveLength(0);
  });
});

describe('a video that does not play', () => {
  it('says so for itself only: the next video starts without the message', async () => {
    const names = ['old.avi', 'good.mp4'];
    const transport = fakeEngine({
      total: 2,
      asset: (i) =>
        makeAsset(i, {
          name: names[i] ?? 'x.mp4',
          kind: 'video',
          format: i === 0 ? 'avi' : 'mov',
          state: 'ok',
          thumb: 'ready',
          hash: HASH(i + 1),
        }),
    });
    ui = await startUi(
      <>
        <AssetGrid />
        <Loupe />
      </>,
      transport,
    );
    act(() => cells(ui!.root)[0]!.click());
    press(oneByTestId(ui.root, 'grid'), ' ');
    await flush();
    const loupe = oneByTestId(document.body, 'loupe');
    act(() => {
      oneByTestId(loupe, 'loupe-video').dispatchEvent(new Event('error'));
    });
    expect(oneByTestId(loupe, 'loupe-reason').textContent).toBe(
      'This video does not play here (avi); export can convert it to MP4.',
    );
    press(loupe, 'ArrowRight');
    await flush();
    expect(oneByTestId(loupe, 'loupe-video').getAttribute('src')).toBe(
      `test-media://video/${HASH(2)}`,
    );
    expect(byTestId(loupe, 'loupe-reason')).toEqual([]);
  });
});
