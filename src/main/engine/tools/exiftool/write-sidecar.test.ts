// A sidecar write's leftovers: the temporary copy and exiftool's own temporary file beside
// it (a write killed inside exiftool) are removed once their process is gone, a live
// process's are left alone, and the user's files are never touched.
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/sample-images';
import { sidecarTempPid, SidecarWriter } from './write-sidecar';

let exiftool: ExifTool;
let folder: string;

beforeAll(async () => {
  exiftool = new ExifTool({ maxProcs: 1 });
  folder = await tempDir('sidecar-sweep');
});

afterAll(async () => {
  await exiftool.end();
  await rm(folder, { recursive: true, force: true });
});

it('reads the pid of a temporary sidecar and of exiftool’s file beside one, and nothing else', () => {
  expect(sidecarTempPid('.a.xmp.123.0badf00d.packshot-tmp.xmp')).toBe(123);
  expect(sidecarTempPid('.a.xmp.123.0badf00d.packshot-tmp.xmp_exiftool_tmp')).toBe(123);
  expect(sidecarTempPid('a.xmp_exiftool_tmp')).toBeNull();
  expect(sidecarTempPid('.a.xmp.123.0badf00d.packshot-tmp.xmp_other')).toBeNull();
  expect(sidecarTempPid('.notes.123.packshot-tmp.xmp')).toBeNull();
});

it('removes a dead process’s leftovers, exiftool’s temporary file included, before it writes', async () => {
  const dead = spawnSync(process.execPath, ['-e', '']).pid;
  const leftovers = [
    `.shot.xmp.${dead}.0badf00d.packshot-tmp.xmp`,
    `.shot.xmp.${dead}.0badf00d.packshot-tmp.xmp_exiftool_tmp`,
  ];
  const live = `.shot.xmp.${process.pid}.12345678.packshot-tmp.xmp_exiftool_tmp`;
  const mine = 'notes.xmp_exiftool_tmp';
  for (const name of [...leftovers, live, mine]) await writeFile(join(folder, name), 'half');

  await new SidecarWriter().write(exiftool, join(folder, 'shot.xmp'), { 'XMP-xmp:Rating': 2 });

  expect((await readdir(folder)).sort()).toEqual([live, mine, 'shot.xmp'].sort());
  expect(await readFile(join(folder, 'shot.xmp'), 'utf8')).toContain('Rating');
});
