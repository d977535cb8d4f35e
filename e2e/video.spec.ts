// A video in the real UI (issue 15, item 1) against the real engine in browser mode: its
// play time on the cell, the hover scrub's sprite served, the loupe playing it through the
// page's CSP (media-src) and the byte-range route, and the culling keys while it shows.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from './fixtures';
import { GridPage } from './pages/grid-page';
import { WelcomePage } from './pages/welcome-page';

const INDEXED = { timeout: 60_000 };

/** A 2 s VP8 WebM (Chromium builds without H.264 play it), made by the bundled ffmpeg. */
function makeWebm(file: string): void {
  const ffmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string })
    .path;
  const made = spawnSync(ffmpeg, [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2'],
    ...['-c:v', 'libvpx', '-b:v', '300k', file],
  ]);
  if (made.status !== 0) throw new Error(`ffmpeg: ${made.stderr.toString()}`);
}

test('a video: play time, hover scrub, plays in the loupe, culling keys work', async ({
  app,
  images,
}) => {
  makeWebm(path.join(images.dir, 'clip.webm'));
  const total = images.good.length + images.bad.length + 1;
  await app.open();
  await new WelcomePage(app.page, app).addCatalog(images.dir);
  const grid = new GridPage(app.page);
  await expect(grid.cells).toHaveCount(total, INDEXED);
  const cell = grid.cell('clip.webm');
  await expect(cell).toHaveAttribute('data-thumb', 'ready', INDEXED);
  await expect(cell.getByTestId('cell-duration')).toHaveText('0:02');

  // Hovering across the cell shows a strip frame (85 % across: frame 8 of 0–9); the sprite
  // it names is served.
  const box = await cell.getByTestId('cell-scrub-area').boundingBox();
  if (box === null) throw new Error('no scrub area');
  await app.page.mouse.move(box.x + box.width * 0.85, box.y + box.height / 2);
  const frame = cell.getByTestId('cell-scrub');
  await expect(frame).toHaveAttribute('data-frame', '8');
  const url = await frame.evaluate(
    (el: unknown) => (el as { style: { backgroundImage: string } }).style.backgroundImage,
  );
  const stripPath = /url\("(.+)"\)/.exec(url)?.[1] ?? '';
  const strip = await app.page.evaluate(async (u: string) => {
    const res = await fetch(u);
    return { status: res.status, type: res.headers.get('content-type') };
  }, stripPath);
  expect(strip).toEqual({ status: 200, type: 'image/jpeg' });

  // The loupe plays it: metadata loads through CSP and the range route.
  await cell.click();
  await app.page.keyboard.press(' ');
  const video = app.page.getByTestId('loupe-video');
  await expect(video).toBeVisible();
  await expect
    .poll(() =>
      video.evaluate((v: unknown) => {
        const media = v as { readyState: number; duration: number };
        return media.readyState >= 1 ? Math.round(media.duration) : -1;
      }),
    )
    .toBe(2);
  await app.page.keyboard.press('k');
  await expect
    .poll(() => video.evaluate((v: unknown) => (v as { paused: boolean }).paused))
    .toBe(false);
  await app.page.keyboard.press('3');
  await app.page.keyboard.press('p');
  await app.page.keyboard.press(' ');
  await expect(app.page.getByTestId('loupe')).toHaveCount(0);
  await expect(cell.getByTestId('cell-rating')).toHaveText('★★★');
  await expect(cell.getByTestId('cell-flag')).toHaveAttribute('data-flag', 'pick');
});
