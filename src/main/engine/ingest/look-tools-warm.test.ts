// A live engine that gives new files a quick look loads the looks' tools (sharp, exifr) in
// its first idle turns after start: the first catalog's looks no longer wait for them (~36 ms
// of main thread in the first paint's window). An engine without looks (a one-shot command)
// leaves them unloaded until it renders something.
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { sharpLoaded } from '../tools/sharp/sharp-lib';

const turns = async (count: number): Promise<void> => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

let h: Harness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

// In this order: sharp, once loaded, stays loaded in this process.
describe("the quick look's tools", () => {
  it('stay unloaded in an engine that does not look (a one-shot command)', async () => {
    h = await startHarness();
    await h.call('assets.list', { limit: 10 });
    await turns(20); // loading in pieces takes 6
    expect(sharpLoaded()).toBe(false);
  });

  it('stop loading when the live engine closes right after its start', async () => {
    h = await startHarness({ watch: true });
    await h.dispose();
    h = undefined;
    await turns(20);
    expect(sharpLoaded()).toBe(false);
  });

  it('are loaded by a live engine once it has started, before any file is added', async () => {
    h = await startHarness({ watch: true });
    expect(await h.all()).toEqual([]);
    await eventually(() => Promise.resolve(sharpLoaded()), 'sharp loaded in an idle turn');
  });
});
