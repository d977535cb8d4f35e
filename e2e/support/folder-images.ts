// Subfolders of generated images inside a catalog folder, for the folder tree:
//   sub/           three JPEGs
//   sub/deeper/    one PNG
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export interface FolderImage {
  /** Relative to the catalog, '/' separated. */
  relPath: string;
  name: string;
  folder: string;
}

const FILES: ReadonlyArray<{ folder: string; name: string; width: number; height: number }> = [
  { folder: 'sub', name: 'sub-a-700x500.jpg', width: 700, height: 500 },
  { folder: 'sub', name: 'sub-b-500x700.jpg', width: 500, height: 700 },
  { folder: 'sub', name: 'sub-c-900x300.jpg', width: 900, height: 300 },
  { folder: 'sub/deeper', name: 'deep-640x640.png', width: 640, height: 640 },
];

export async function addFolderImages(dir: string): Promise<FolderImage[]> {
  const made: FolderImage[] = [];
  for (const [i, file] of FILES.entries()) {
    await mkdir(path.join(dir, file.folder), { recursive: true });
    const image = sharp({
      create: {
        width: file.width,
        height: file.height,
        channels: 3,
        background: { r: 40 + i * 50, g: 200 - i * 40, b: 90 },
      },
    });
    const bytes = file.name.endsWith('.png')
      ? await image.png().toBuffer()
      : await image.jpeg({ quality: 80 }).toBuffer();
    await writeFile(path.join(dir, file.folder, file.name), bytes);
    made.push({ relPath: `${file.folder}/${file.name}`, name: file.name, folder: file.folder });
  }
  return made;
}
