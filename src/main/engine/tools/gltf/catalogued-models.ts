import { open } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { emptyFacts } from '../../../../shared/media-facts';
import type { ModelAnalysis } from './model-analysis';
import { ModelReadError } from './model-read-error';

async function head(path: string, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await file.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** STL: a binary one's triangle count is in its header (checked against the file's size). */
export async function analyseStl(path: string, bytes: number): Promise<ModelAnalysis> {
  const top = await head(path, 84);
  const facts = emptyFacts();
  facts.meshes = 1;
  const declared = top.length >= 84 ? top.readUInt32LE(80) : -1;
  if (declared >= 0 && 84 + declared * 50 === bytes) {
    facts.triangles = declared;
    facts.detail = { container: 'stl', encoding: 'binary', fileBytes: bytes };
    return {
      format: 'stl',
      facts,
      error: null,
      notice: 'STL: facts only, no thumbnail',
      pixels: null,
    };
  }
  if (top.subarray(0, 5).toString('latin1') === 'solid') {
    facts.detail = { container: 'stl', encoding: 'ascii', fileBytes: bytes };
    return { format: 'stl', facts, error: null, notice: 'ASCII STL: size only', pixels: null };
  }
  facts.detail = { container: 'stl', fileBytes: bytes };
  return {
    format: 'stl',
    facts,
    error: `the STL's header promises ${declared} triangles, which do not fit its ${bytes} bytes`,
    notice: null,
    pixels: null,
  };
}

const USDZ_READ_CAP = 512 * 1024 * 1024;

/** USDZ is a zip: its files are listed from the central directory, nothing is inflated. */
export async function analyseUsdz(path: string, bytes: number): Promise<ModelAnalysis> {
  if (bytes > USDZ_READ_CAP) throw new ModelReadError('the USDZ is too large to list');
  const entries: { name: string; bytes: number; compressed: boolean }[] = [];
  try {
    unzipSync(new Uint8Array(await readFile(path)), {
      filter: (file) => {
        entries.push({
          name: file.name,
          bytes: file.originalSize,
          compressed: file.compression !== 0,
        });
        return false;
      },
    });
  } catch (error) {
    throw new ModelReadError(`the USDZ is not a readable zip: ${(error as Error).message}`);
  }
  const facts = emptyFacts();
  const images = entries.filter((e) => /\.(png|jpe?g|exr|avif)$/i.test(e.name));
  facts.textures = images.length;
  facts.detail = {
    container: 'usdz',
    fileBytes: bytes,
    files: entries.slice(0, 50),
    fileCount: entries.length,
    rootLayer: entries.find((e) => /\.usd[ac]?$/i.test(e.name))?.name ?? null,
  };
  // Apple's format requires stored (uncompressed) entries: Quick Look refuses others.
  const compressed = entries.some((e) => e.compressed);
  return {
    format: 'usdz',
    facts,
    error: compressed ? 'USDZ entries are compressed; the format requires them stored' : null,
    notice: 'USDZ: files listed, no thumbnail',
    pixels: null,
  };
}

/** FBX: Autodesk's format has no open reader here; its header says binary or text. */
export async function analyseFbx(path: string, bytes: number): Promise<ModelAnalysis> {
  const top = await head(path, 27);
  const binary = top.subarray(0, 18).toString('latin1') === 'Kaydara FBX Binary';
  const facts = emptyFacts();
  facts.detail = {
    container: 'fbx',
    fileBytes: bytes,
    encoding: binary ? 'binary' : 'ascii',
    version: binary && top.length >= 27 ? top.readUInt32LE(23) : null,
  };
  return {
    format: 'fbx',
    facts,
    error: null,
    notice: 'FBX: catalogued by size only (no FBX reader)',
    pixels: null,
  };
}
