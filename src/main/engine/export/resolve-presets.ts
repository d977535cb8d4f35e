// Which presets a list of ids means: a preset id, or a channel id for all its presets
// ('amazon': amazon-main and amazon-additional), in the order given, each once. A static
// headless preset is chosen by its own id only: it writes another kind of folder, so
// `web` keeps meaning the web channel's srcset pack.
import type { ChannelPreset } from '../../../shared/export-dto';
import { PackshotError } from '../../../shared/errors';

export function resolvePresets(
  all: readonly ChannelPreset[],
  ids: readonly string[],
): ChannelPreset[] {
  const out = new Map<string, ChannelPreset>();
  for (const raw of ids) {
    const id = raw.trim().toLowerCase();
    const exact = all.find((p) => p.id === id);
    const matches = exact ? [exact] : all.filter((p) => p.channel === id && !p.headless);
    if (matches.length === 0) {
      throw new PackshotError(
        'invalid_argument',
        `no preset or channel '${raw}' (known: ${all.map((p) => p.id).join(', ')})`,
      );
    }
    for (const p of matches) out.set(p.id, p);
  }
  return [...out.values()];
}
