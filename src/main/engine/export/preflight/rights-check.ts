// Pre-flight's rights check: the one rights check (rights/check-rights.ts) for each image
// and preset. A block fails the image, and export never writes a blocked image, whatever
// the failure policy; its reasons go to the report and the manifest's errors.
import type { CheckResult } from '../../../../shared/export-dto';
import { checkRights } from '../../rights/check-rights';
import { mediumOf } from '../../rights/channel-medium';
import type { ImageCheckInput } from './check-registry';

export const RIGHTS_CHECK = 'rights';

export function rightsCheck({ preset, image }: ImageCheckInput): CheckResult[] | null {
  const rights = image.rights;
  if (!rights) return null;
  const result = checkRights(rights.facts, {
    channel: preset.channel,
    medium: mediumOf(preset),
    date: rights.date,
    requireApproval: preset.requireApproval || rights.approvedOnly,
    requireLicence: preset.requireLicence,
  });
  return result.reasons
    .filter((r) => !(r.code === 'licence.none' && r.level === 'warn' && rights.noLicencesInLibrary))
    .map((r) => ({
      check: RIGHTS_CHECK,
      level: r.level === 'block' ? 'fail' : 'warn',
      reason: r.message,
    }));
}
