// The real command line refuses a command it does not have, including the names every
// object has (`packshot constructor` once called Object's constructor).
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runPackshot } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/sample-images';

describe('packshot commands', () => {
  it('refuses unknown commands with the usage hint', async () => {
    const dataDir = await tempDir('cli-commands');
    try {
      for (const name of ['constructor']) {
        const run = runPackshot(dataDir, [name]);
        expect(run.status, run.stderr).toBe(2);
        expect(run.stderr).toContain(`unknown command '${name}'`);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
