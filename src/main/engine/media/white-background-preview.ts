// The loupe's before/after: an asset's preview with its near-white backdrop made white, made
// on first ask from the cached preview and kept in the media cache (kind `whitebg`), so the
// hosts serve it as they serve the preview.
import { readFile } from 'node:fs/promises';
import { whiteBgKey } from '../../../shared/bridge';
import type { WhiteBackgroundPreview } from '../../../shared/dto';
import { WHITE_BACKGROUND_DEFAULTS } from '../analysis/white-background';
import type { Located } from '../repositories/asset-file-repo';
import { cleanPreview } from '../tools/render/white-background-pass';
import { describeIndexError } from './describe-index-error';
import { ensurePreview, type PreviewDeps } from './ensure-preview';

const SKIPPED: Record<string, string> = {
  'no near-white border': 'The background is not near-white: nothing to clean',
  'already pure white': 'The background is already pure white',
};

export async function whiteBackgroundPreview(
  deps: PreviewDeps,
  file: Located,
  keepShadow: boolean,
): Promise<WhiteBackgroundPreview> {
  const preview = await ensurePreview(deps, file);
  const none = (reason: string): WhiteBackgroundPreview => ({
    id: file.id,
    key: null,
    reason,
    borderShare: null,
  });
  if (preview.hash === null) return none(preview.reason ?? 'No preview');
  const key = whiteBgKey(preview.hash, keepShadow);
  if (deps.cache.has('whitebg', key)) return { id: file.id, key, reason: null, borderShare: null };
  try {
    const input = await readFile(deps.cache.pathFor('preview', preview.hash));
    const out = await cleanPreview(input, { ...WHITE_BACKGROUND_DEFAULTS, keepShadow });
    const borderShare = out.result.borderShare;
    if (out.data === null) {
      const skipped = out.result.skipped ?? '';
      return { ...none(SKIPPED[skipped] ?? skipped), borderShare };
    }
    await deps.cache.write('whitebg', key, out.data);
    deps.prune();
    return { id: file.id, key, reason: null, borderShare };
  } catch (error) {
    return none(describeIndexError(error));
  }
}
