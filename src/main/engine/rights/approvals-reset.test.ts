// An approval belongs to the bytes it was given on: new content at the path, written by
// any tool, drops the file back to review, seen live by the watcher and across a restart.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

let h: Harness | undefined;
let parent = '';

afterEach(async () => {
  await h?.dispose();
  h = undefined;
  await rm(parent, { recursive: true, force: true });
});

async function setUp(watch: boolean): Promise<{ h: Harness; file: string; id: number }> {
  parent = await tempDir('approvals');
  const folder = join(parent, 'catalog');
  await mkdir(folder);
  const file = join(folder, 'shot.jpg');
  await writeFile(file, await makeImage(120, 90, 'jpeg', 1));
  const harness = await startHarness({ watch });
  h = harness;
  await harness.call('catalogs.add', { path: folder });
  await harness.call('jobs.wait', {});
  if (watch)
    await eventually(
      async () => (await harness.call('catalogs.list', {}))[0]?.watch === 'native',
      'watching',
    );
  const { id } = await harness.byName('shot.jpg');
  expect((await harness.call('rights.get', { id })).approval).toBe('draft');
  await harness.call('approvals.set', { assetIds: [id], state: 'approved', who: 'Mia' });
  expect((await harness.call('rights.get', { id })).approval).toBe('approved');
  return { h: harness, file, id };
}

async function expectBackInReview(harness: Harness, id: number, approvedHash: string) {
  const history = await harness.call('approvals.history', { assetId: id });
  expect(history.current).not.toBe(approvedHash);
  // The history keeps the decision, on the content it was made for.
  expect(history.decisions.map((d) => [d.state, d.hash])).toEqual([['approved', approvedHash]]);
  expect(await harness.call('assets.list', { query: 'approval:in-review' })).toMatchObject({
    items: [{ id }],
  });
}

describe('approvals and outside overwrites', () => {
  it('the watcher sees new bytes: back to in review; approved again on them', async () => {
    const { h: harness, file, id } = await setUp(true);
    const approvedHash = (await harness.call('approvals.history', { assetId: id })).current ?? '';
    await writeFile(file, await makeImage(120, 90, 'jpeg', 2)); // another tool's export
    await eventually(
      async () => (await harness.call('rights.get', { id })).approval === 'in-review',
      'back in review',
    );
    await expectBackInReview(harness, id, approvedHash);
    await harness.call('approvals.set', { assetIds: [id], state: 'approved', who: 'Mia' });
    expect((await harness.call('rights.get', { id })).approval).toBe('approved');
  });

  it('bytes changed while Packshot was closed: back to in review after the restart', async () => {
    const { h: harness, file, id } = await setUp(false);
    const approvedHash = (await harness.call('approvals.history', { assetId: id })).current ?? '';
    await harness.engine.close();
    await writeFile(file, await makeImage(120, 90, 'jpeg', 3));
    await harness.restart();
    await harness.call('catalogs.scan', {});
    await harness.call('jobs.wait', {});
    expect((await harness.call('rights.get', { id })).approval).toBe('in-review');
    await expectBackInReview(harness, id, approvedHash);
  });
});
