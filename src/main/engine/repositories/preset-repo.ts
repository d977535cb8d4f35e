// Presets: the built-in ones (with a user's edits kept beside them) and the user's own,
// in SQLite (table channel_presets, migration 10).
import type { ChannelPreset, PresetBody } from '../../../shared/export-dto';
import { PackshotError } from '../../../shared/errors';
import { presetBodySchema } from '../../../shared/preset-schema';
import type { Db } from '../db/open-database';
import { validateTemplate } from '../../../shared/naming/name-template';
import { builtInPresets, type BuiltInPreset } from './built-in-presets';
import { statements } from '../db/statement-cache';
import { writeTransaction } from '../db/write-transaction';

interface Row {
  id: string;
  body: string;
  version: number;
  based_on: string | null;
  updated_at: number;
}

export class PresetRepo {
  constructor(private readonly db: Db) {}

  list(): ChannelPreset[] {
    const rows = new Map(this.rows().map((r) => [r.id, r]));
    const out: ChannelPreset[] = [];
    for (const b of builtInPresets()) out.push(this.merge(b, rows.get(b.id)));
    const builtIn = new Set(builtInPresets().map((b) => b.id));
    for (const row of rows.values()) if (!builtIn.has(row.id)) out.push(fromRow(row, false));
    return out;
  }

  get(id: string): ChannelPreset | undefined {
    const row = statements(this.db)
      .prepare<[string], Row>('SELECT * FROM channel_presets WHERE id = ?')
      .get(id);
    const b = builtInPresets().find((p) => p.id === id);
    if (b) return this.merge(b, row);
    return row ? fromRow(row, false) : undefined;
  }

  require(id: string): ChannelPreset {
    const preset = this.get(id);
    if (!preset) throw new PackshotError('not_found', `No preset '${id}'`);
    return preset;
  }

  /** Creates or edits; an edit bumps the version (also an edit of a built-in preset). */
  save(id: string, body: PresetBody, basedOn: string | null = null): ChannelPreset {
    validateTemplate(body.naming.folder);
    validateTemplate(body.naming.file);
    if (body.video) validateTemplate(body.video.file);
    if (body.document) validateTemplate(body.document.file);
    // The version read and bumped in one write: two saves at once make two versions.
    return writeTransaction(this.db, () => {
      const current = this.get(id);
      const version = current ? current.version + 1 : 1;
      statements(this.db)
        .prepare(
          `INSERT INTO channel_presets (id, body, version, based_on, updated_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version,
             updated_at = excluded.updated_at`,
        )
        .run(id, JSON.stringify(body), version, current?.basedOn ?? basedOn, Date.now());
      return this.require(id);
    });
  }

  copy(id: string, newId: string | undefined, name: string | undefined): ChannelPreset {
    const from = this.require(id);
    const target = newId ?? this.freeId(`${id}-copy`);
    if (this.get(target)) throw new PackshotError('conflict', `A preset '${target}' exists`);
    const body: PresetBody = { ...bodyOf(from), name: name ?? `${from.name} (copy)` };
    return this.save(target, body, id);
  }

  /** A user's preset goes; a built-in one loses the user's edit. */
  delete(id: string): boolean {
    return (
      statements(this.db).prepare('DELETE FROM channel_presets WHERE id = ?').run(id).changes > 0
    );
  }

  private freeId(base: string): string {
    if (!this.get(base)) return base;
    for (let n = 2; ; n++) if (!this.get(`${base}-${n}`)) return `${base}-${n}`;
  }

  private rows(): Row[] {
    return statements(this.db).prepare<[], Row>('SELECT * FROM channel_presets').all();
  }

  private merge(b: BuiltInPreset, row: Row | undefined): ChannelPreset {
    if (row) return { ...fromRow(row, true), version: Math.max(row.version, b.version + 1) };
    return {
      id: b.id,
      ...b.body,
      builtIn: true,
      modified: false,
      version: b.version,
      basedOn: null,
      updatedAt: null,
    };
  }
}

function fromRow(row: Row, builtIn: boolean): ChannelPreset {
  // Re-parsed so a body saved by an older build gains new fields' defaults.
  const body = presetBodySchema.parse(JSON.parse(row.body));
  return {
    id: row.id,
    ...body,
    builtIn,
    modified: builtIn,
    version: row.version,
    basedOn: row.based_on,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function bodyOf(p: ChannelPreset): PresetBody {
  return {
    name: p.name,
    channel: p.channel,
    roles: p.roles,
    renditions: p.renditions,
    rules: p.rules,
    naming: p.naming,
    metadata: p.metadata,
    source: p.source,
    notes: p.notes,
    requireApproval: p.requireApproval,
    requireLicence: p.requireLicence,
    medium: p.medium,
    // Every optional section, or a copy of the preset silently loses it (a copy of
    // amazon-3d without its model rules would send models down the photo path).
    ...(p.video ? { video: p.video } : {}),
    ...(p.model ? { model: p.model } : {}),
    ...(p.document ? { document: p.document } : {}),
    ...(p.headless ? { headless: p.headless } : {}),
    ...(p.territories !== undefined ? { territories: p.territories } : {}),
  };
}
