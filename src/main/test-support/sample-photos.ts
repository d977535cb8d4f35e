// Real photos for the AI tests, from Debian's python3-skimage (BSD-3-Clause; its images are
// public domain or CC0: a cup of coffee, the astronaut Eileen Collins, the cameraman, a
// cat, a motorcycle, a scanned book page). `.ci/run` unpacks the package's files without
// its Python dependencies; a machine without them skips the tests that need them, saying so.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES = [
  process.env.PACKSHOT_SKIMAGE_DATA,
  '/opt/packshot-samples/skimage/usr/lib/python3/dist-packages/skimage/data',
  '/usr/lib/python3/dist-packages/skimage/data',
];

export const SKIMAGE_DATA = CANDIDATES.find(
  (dir): dir is string => typeof dir === 'string' && existsSync(join(dir, 'coffee.png')),
);

export const hasSamplePhotos = SKIMAGE_DATA !== undefined;
export const NO_SAMPLE_PHOTOS =
  'needs python3-skimage’s sample photos (.ci/run unpacks them to /opt/packshot-samples/skimage)';

/** A photo by its file name in skimage/data: 'coffee.png', 'astronaut.png'… */
export function samplePhoto(name: string): string {
  if (!SKIMAGE_DATA) throw new Error(NO_SAMPLE_PHOTOS);
  return join(SKIMAGE_DATA, name);
}
