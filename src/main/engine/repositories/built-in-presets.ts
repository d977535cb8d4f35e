// The presets Packshot ships (resources/presets/*.json), bundled by vite's JSON import and
// validated with the contract's schema, so a bad edit to a JSON file fails loudly at start.
import amazon3d from '../../../../resources/presets/amazon-3d.json';
import amazonAdditional from '../../../../resources/presets/amazon-additional.json';
import amazonMain from '../../../../resources/presets/amazon-main.json';
import bol from '../../../../resources/presets/bol.json';
import ebay from '../../../../resources/presets/ebay.json';
import etsy from '../../../../resources/presets/etsy.json';
import google from '../../../../resources/presets/google.json';
import headless from '../../../../resources/presets/headless.json';
import instagramPortrait from '../../../../resources/presets/instagram-portrait.json';
import instagramSquare from '../../../../resources/presets/instagram-square.json';
import shopify from '../../../../resources/presets/shopify.json';
import web from '../../../../resources/presets/web.json';
import woocommerce from '../../../../resources/presets/woocommerce.json';
import zalando from '../../../../resources/presets/zalando.json';
import { z } from 'zod';
import type { PresetBody } from '../../../shared/export-dto';
import { presetBodySchema, presetId } from '../../../shared/preset-schema';
import { validateTemplate } from '../../../shared/naming/name-template';

export interface BuiltInPreset {
  id: string;
  version: number;
  body: PresetBody;
}

const FILES: unknown[] = [
  amazonMain,
  amazonAdditional,
  amazon3d,
  shopify,
  google,
  ebay,
  etsy,
  bol,
  zalando,
  instagramSquare,
  instagramPortrait,
  woocommerce,
  web,
  headless,
];

const fileSchema = z.looseObject({ id: presetId, version: z.number().int().min(1) });

let loaded: BuiltInPreset[] | null = null;

export function builtInPresets(): BuiltInPreset[] {
  loaded ??= FILES.map((raw) => {
    const head = fileSchema.parse(raw);
    const { id: _id, version: _version, ...rest } = head;
    const parsed = presetBodySchema.safeParse(rest);
    if (!parsed.success) {
      throw new Error(`resources/presets/${head.id}.json: ${parsed.error.message}`);
    }
    validateTemplate(parsed.data.naming.folder);
    validateTemplate(parsed.data.naming.file);
    if (parsed.data.video) validateTemplate(parsed.data.video.file);
    return { id: head.id, version: head.version, body: parsed.data };
  });
  return loaded;
}
