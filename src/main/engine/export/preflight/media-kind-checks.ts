// Pre-flight by kind of file, for every kind: a file in a role that does not take its kind
// (a video linked as main: a photo channel would get a video as its main image), and the
// media a channel's preset requires beside the photos (rules.requires: a video, a 3D model,
// a manual). Each kind's own rules (codec, size, triangles) are checked by that kind's checks.
import type { CheckResult } from '../../../../shared/export-dto';
import { REQUIRED_MEDIA_WORDS, ROLE_KINDS, type MediaRole } from '../../../../shared/product-dto';
import type { ImageCheckInput, ProductCheckInput } from './check-registry';

export const ROLE_KIND_CHECK = 'role-kind';
export const REQUIRED_MEDIA_CHECK = 'required-media';

/** Whether `role` takes files of `kind` (a role unknown here takes any). */
export function roleTakes(role: MediaRole, kind: string): boolean {
  const kinds: readonly string[] | undefined = Object.hasOwn(ROLE_KINDS, role)
    ? ROLE_KINDS[role]
    : undefined;
  return kinds === undefined || kinds.includes(kind);
}

const A: Record<string, string> = { image: 'an image', other: 'an unknown kind of file' };
const named = (kind: string): string =>
  A[kind] ?? `a ${kind === 'model' ? '3D model' : kind === 'raw' ? 'raw photo' : kind}`;

/** What a role takes, in words: the photo roles take "a photo". */
function takes(role: MediaRole): string {
  const kinds = ROLE_KINDS[role];
  return kinds.includes('image') ? 'a photo' : kinds.map(named).join(' or ');
}

export function roleKindCheck({ image }: ImageCheckInput): CheckResult | null {
  if (roleTakes(image.role, image.kind)) return null;
  const fits = Object.entries(ROLE_KINDS).find(([, kinds]) => kinds.includes(image.kind as never));
  const instead = fits ? `; link it as ${fits[0]}` : '';
  return {
    check: ROLE_KIND_CHECK,
    level: 'fail',
    reason: `${named(image.kind)} linked as ${image.role}: ${image.role} takes ${takes(image.role)}${instead}`,
  };
}

export function requiredMediaCheck({ preset, product }: ProductCheckInput): CheckResult[] {
  return (
    (preset.rules.requires ?? [])
      // Only a file that was read counts: a damaged video is no video for the channel.
      .filter(
        (kind) =>
          !product.images.some((f) => f.role === kind && f.kind === kind && f.state === 'ok'),
      )
      .map((kind) => ({
        check: REQUIRED_MEDIA_CHECK,
        level: 'fail',
        reason: `${preset.name} needs ${REQUIRED_MEDIA_WORDS[kind]}`,
      }))
  );
}
