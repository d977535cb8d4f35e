// The preset editor's model: a draft is a preset body as typed; it is checked with the
// contract's own schema, and its problems are keyed by field path ('renditions.0.width').
import type { ChannelPreset, PresetBody } from '../../../../shared/export-dto';
import { presetBodySchema } from '../../../../shared/preset-schema';

export type PresetDraft = PresetBody;

export type Issues = ReadonlyMap<string, string>;

export function draftOf(preset: ChannelPreset): PresetDraft {
  const { name, channel, roles, renditions, rules, naming, metadata, source, notes } = preset;
  const { requireApproval, requireLicence, medium } = preset;
  // The editor has no fields for 3D model rules yet: they are kept as they are.
  const model = preset.model ? { model: preset.model } : {};
  return structuredClone({
    ...model,
    name,
    channel,
    roles,
    renditions,
    rules,
    naming,
    metadata,
    source,
    notes,
    requireApproval,
    requireLicence,
    medium,
    // No fields for it here yet: kept as it is, so an edit elsewhere does not drop it.
    ...(preset.video ? { video: preset.video } : {}),
    ...(preset.document ? { document: preset.document } : {}),
    ...(preset.headless ? { headless: preset.headless } : {}),
  });
}

export type Checked = { ok: true; body: PresetBody } | { ok: false; issues: Issues };

/** The body presets.save would accept, or each problem under its field's path. */
export function checkDraft(draft: PresetDraft): Checked {
  const parsed = presetBodySchema.safeParse(draft);
  if (parsed.success) return { ok: true, body: parsed.data };
  const issues = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    // The first problem of a field is the one to fix first.
    if (!issues.has(path)) issues.set(path, issue.message);
  }
  return { ok: false, issues };
}
