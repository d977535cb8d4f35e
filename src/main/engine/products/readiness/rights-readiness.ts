// Readiness asks the one rights check too: a linked image the check blocks on a channel
// keeps the product from being ready there. The channel's presets (channel-policy) say
// whether approval or a licence is required and in which medium the images are used.
import type { RightsFacts } from '../../rights/check-rights';
import { checkRightsIn } from '../../rights/check-rights';
import { mediumOf } from '../../rights/channel-medium';
import { ANY_CHANNEL, policyFor } from './channel-policy';
import type { PresetLookup } from './channel-requirements';

/** The rights blocks of one file on one channel (their messages); [] when it may be used. */
export type RightsBlocks = (assetId: number, channel: string) => string[];

export function rightsBlocks(
  facts: ReadonlyMap<number, RightsFacts>,
  presetOf: PresetLookup,
  date: string,
): RightsBlocks {
  return (assetId, channel) => {
    const f = facts.get(assetId);
    if (!f) return [];
    const presets = channel === ANY_CHANNEL ? [] : policyFor(channel).presetIds.map(presetOf);
    const bodies = presets.filter((p) => p !== undefined);
    const territories = [...new Set(bodies.flatMap((p) => p.territories ?? []))];
    const result = checkRightsIn(
      f,
      {
        channel: channel === ANY_CHANNEL ? null : channel,
        medium: bodies[0] ? mediumOf(bodies[0]) : null,
        date,
        requireApproval: bodies.some((p) => p.requireApproval),
        requireLicence: bodies.some((p) => p.requireLicence),
      },
      territories,
    );
    return result.reasons.filter((r) => r.level === 'block').map((r) => r.message);
  };
}
