// A static headless pack's 360° spins: each spin a product links (by its cover, role 'spin')
// is planned as its frames, each rendered once at one width of the fallback format (a spin
// viewer swaps frames: one size in a format every browser decodes). Each frame has the one
// rights check: a blocked frame is left out and the spin goes out without it, as spin export
// does. Pure: the frames and their rights were loaded with the product.
import type { ChannelPreset, PreflightItem, Rendition } from '../../../../shared/export-dto';
import { renderKey, renderOptions } from '../../tools/render/render-options';
import type { PackImage, PackProduct } from '../pack-source';
import type { PlannedFile } from '../pack/plan-pack';
import { preflightItem, worst } from '../pack/preflight-item';
import { rightsCheck, RIGHTS_CHECK } from '../preflight/rights-check';

export function planSpins(
  preset: ChannelPreset,
  product: PackProduct,
  excluded: (image: PackImage) => boolean,
): { items: PreflightItem[]; files: PlannedFile[] } {
  const items: PreflightItem[] = [];
  const files: PlannedFile[] = [];
  if (!preset.headless) return { items, files };
  const spins = product.images.filter((i) => i.role === 'spin' && !excluded(i));
  const rendition = spinRendition(preset);
  spins.forEach((cover, index) => {
    const position = index + 1;
    const frames = (cover.frames ?? []).filter((f) => f.state === 'ok' && f.hash !== null);
    if (frames.length === 0) {
      const reason = 'no readable frames: the spin is left out';
      items.push(
        preflightItem({ preset, product, image: cover, position }, [
          { check: 'spin', level: 'fail', reason },
        ]),
      );
      return;
    }
    const left: string[] = [];
    frames.forEach((frame, i) => {
      const rights = rightsCheck({ preset, product, image: frame, renditions: [] }) ?? [];
      const blocked = rights.filter((r) => r.check === RIGHTS_CHECK && r.level === 'fail');
      if (blocked.length > 0) left.push(`${frame.name} (${blocked[0]!.reason})`);
      const options = renderOptions(
        rendition,
        preset.metadata,
        preset.rules.minBytes,
        frame.focus,
        [],
      );
      files.push({
        path: `spin-${cover.assetId}-${i}`, // named by headless-names.ts
        preset,
        product,
        image: frame,
        position,
        rendition,
        options,
        renderKey: renderKey(frame.hash!, options),
        level: worst(rights),
        findings: rights.filter((r) => r.level !== 'pass').map((r) => `${r.check}: ${r.reason}`),
        blocked: blocked.map((r) => r.reason),
        spin: { cover, frame: i },
      });
    });
    const checks = left.map((l) => ({
      check: RIGHTS_CHECK,
      level: 'warn' as const,
      reason: `frame left out: ${l}`,
    }));
    items.push(preflightItem({ preset, product, image: cover, position }, checks));
  });
  return { items, files };
}

/** The fallback format's rendition nearest above the spin width (else its widest). */
function spinRendition(preset: ChannelPreset): Rendition {
  const rules = preset.headless;
  const own = preset.renditions.filter((r) => r.format === rules?.fallback);
  const list = (own.length > 0 ? own : preset.renditions).toSorted(
    (a, b) => (a.width ?? Infinity) - (b.width ?? Infinity),
  );
  const wanted = rules?.spinWidth ?? 960;
  return list.find((r) => (r.width ?? Infinity) >= wanted) ?? list[list.length - 1]!;
}
