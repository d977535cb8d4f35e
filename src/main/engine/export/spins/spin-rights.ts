// The one rights check for a spin's frames, as pre-flight runs it for a pack's images: a
// frame the check blocks for the preset's channel (a licence ended, approval required and
// missing) is never written; the spin goes out without it, with a warning naming it.
import type { ChannelPreset } from '../../../../shared/export-dto';
import type { Db } from '../../db/open-database';
import type { FrameFile } from '../../repositories/spin-repo';
import { loadRightsFacts } from '../../repositories/rights-facts';
import { mediumOf } from '../../rights/channel-medium';
import { checkRightsIn } from '../../rights/check-rights';
import { today } from '../../rights/licence-dates';

export function framesCleared(
  db: Db,
  preset: ChannelPreset,
  frames: readonly FrameFile[],
): { cleared: FrameFile[]; blocked: string[] } {
  const facts = loadRightsFacts(
    db,
    frames.map((f) => f.assetId),
  );
  const date = today();
  const cleared: FrameFile[] = [];
  const blocked: string[] = [];
  for (const f of frames) {
    const fact = facts.get(f.assetId);
    const block = fact
      ? checkRightsIn(
          fact,
          {
            channel: preset.channel,
            medium: mediumOf(preset),
            territory: null,
            date,
            requireApproval: preset.requireApproval,
            requireLicence: preset.requireLicence,
          },
          preset.territories,
        ).reasons.find((r) => r.level === 'block')
      : undefined;
    if (block) blocked.push(`${f.name} (${block.message})`);
    else cleared.push(f);
  }
  return { cleared, blocked };
}
