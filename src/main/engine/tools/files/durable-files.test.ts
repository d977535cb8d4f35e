// The one durable write: whole files in place, the temporary file never left behind, an
// existing file never written over by writeNewFile.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/sample-images';
import { writeDurably, writeNewFile } from './durable-files';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('durable-files');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeDurably', () => {
  it('writes a new file and replaces one, leaving only the target', async () => {
    const target = join(dir, 'a.txt');
    await writeDurably(target, 'one');
    await writeDurably(target, 'two', { tags: ['t', String(process.pid)] });
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('a failing step leaves the old file and no temporary file', async () => {
    const target = join(dir, 'b.txt');
    await writeFile(target, 'old');
    const fail = (): Promise<void> => Promise.reject(new Error('killed'));
    await expect(writeDurably(target, 'new', { beforePlace: fail })).rejects.toThrow('killed');
    await expect(writeDurably(target, 'new', { place: fail })).rejects.toThrow('killed');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('writeNewFile never writes over a file', async () => {
    const target = join(dir, 'c.txt');
    await writeNewFile(target, 'first');
    await expect(writeNewFile(target, 'second')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(target, 'utf8')).toBe('first');
  });
});
