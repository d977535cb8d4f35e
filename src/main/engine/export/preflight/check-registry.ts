// Pre-flight checks are plain functions in a registry, so checks that need other data
// (approval, usage rights, expiry) can be registered later without touching the runner.
import type { ChannelPreset, CheckResult } from '../../../../shared/export-dto';
import type { PackImage, PackProduct } from '../pack-source';
import type { RenderOptions } from '../../tools/render/render-options';

/** One image as a preset would export it. */
export interface ImageCheckInput {
  preset: ChannelPreset;
  product: PackProduct;
  image: PackImage;
  /** Its renditions' options and planned output sizes (null when the size is unknown). */
  renditions: { options: RenderOptions; size: { width: number; height: number } | null }[];
}

/** A product as a preset would export it: the images it keeps and those over the limit. */
export interface ProductCheckInput {
  preset: ChannelPreset;
  product: PackProduct;
  images: PackImage[];
  dropped: PackImage[];
}

/** A check returns its findings; [] or null when it does not apply. */
export type ImageCheck = (input: ImageCheckInput) => CheckResult[] | CheckResult | null;
export type ProductCheck = (input: ProductCheckInput) => CheckResult[] | CheckResult | null;

export class CheckRegistry {
  private readonly imageChecks = new Map<string, ImageCheck>();
  private readonly productChecks = new Map<string, ProductCheck>();

  image(id: string, check: ImageCheck): this {
    this.imageChecks.set(id, check);
    return this;
  }

  product(id: string, check: ProductCheck): this {
    this.productChecks.set(id, check);
    return this;
  }

  runImage(input: ImageCheckInput): CheckResult[] {
    return run(this.imageChecks, input);
  }

  runProduct(input: ProductCheckInput): CheckResult[] {
    return run(this.productChecks, input);
  }
}

function run<I>(
  checks: Map<string, (input: I) => CheckResult[] | CheckResult | null>,
  input: I,
): CheckResult[] {
  const out: CheckResult[] = [];
  for (const [id, check] of checks) {
    try {
      const found = check(input);
      if (found) out.push(...(Array.isArray(found) ? found : [found]));
    } catch (error) {
      out.push({ check: id, level: 'fail', reason: `the check failed: ${String(error)}` });
    }
  }
  return out;
}
