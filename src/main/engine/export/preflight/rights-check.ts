// Pre-flight's rights check: the one rights check (rights/check-rights.ts) for each image
// and preset. A block fails the image, and export never writes a blocked image, whatever
// the failure policy; its reasons go to the report and the manifest's errors.
import type { CheckResult } from '../../../../shared/export-dto';
import { checkRightsIn } from '../../rights/check-rights';
import { mediumOf } from '../../rights/channel-medium';
import type { ImageCheckInput } from './check-registry';

export const RIGHTS_CHECK = 'rights';

export function rightsCheck({ preset, image }: ImageCheckInput): CheckResult[] | null {
  const rights = image.rights;
  if (!rights) return null;
  // `--territory` wins over the preset's territories: the pack is for that market.
  const result = checkRightsIn(
    rights.facts,
    {
      channel: preset.channel,
      medium: mediumOf(preset),
      territory: rights.territory,
      date: rights.date,
      requireApproval: preset.requireApproval || rights.approvedOnly,
      requireLicence: preset.requireLicence,
    },
    preset.territories,
  );
  return result.reasons
    .filter((r) => !(r.code === 'licence.none' && r.level === 'warn' && rights.noLicencesInLibrary))
    .map((r) => ({
      check: RIGHTS_CHECK,
      level: r.level === 'block' ? 'fail' : 'warn',
      reason: r.message,
    }));
}
