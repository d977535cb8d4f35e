// What `~"…"` and `like:` search, served to SQL: the query compiles to
// `a.id IN (SELECT id FROM ai_similar(kind, value))` and orders by
// `ai_similarity(kind, value, a.id)`, two functions registered on the connection here, so
// the search language stays one synchronous compile while the ranking happens in memory:
// - `~"text"`: the text's vector (embedded beforehand by ai/semantic-search.ts, which has
//   the async model) against every image vector of the current model: dot products over one
//   packed Float32 buffer, read once, then kept up to date row by row (ai_embedding_changes);
// - `like:<id>`: that asset's image vector against the others, or, when it has none (no
//   model, or not embedded yet), its perceptual hash and dominant colours against theirs.
// Each ranking keeps matches above a floor, best first, at most MATCH_LIMIT. Rankings are
// made before the query runs (SQLite allows no statement inside a function) and kept while
// the vectors (and, for looks, the assets) are unchanged, so paging one list ranks once.
import { PackshotError } from '../../../shared/errors';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { splitHash } from '../analysis/hamming-index';
import { rankLooks, rankVectors, type Look, type Ranked } from '../analysis/vector-rank';
import { clipModelId, findClip, readClipSettings } from '../tools/ai/clip-files';
import { EmbeddingRepo } from './embedding-repo';
import type { PackedEmbeddings } from './packed-embeddings';

export const MATCH_LIMIT = 2000;
/** Cosine a text needs to match an image: CLIP ViT-B's matches score 0.2–0.35. */
const TEXT_FLOOR = 0.2;
/** Cosine an image needs to be "like" another. */
const IMAGE_FLOOR = 0.6;
/** lookLikeness "more like this" needs without vectors (0.4 shape, 0.6 colour). */
const LOOK_FLOOR = 0.55;
const KEPT_TEXTS = 256;
const KEPT_RANKINGS = 16;
const LOOKS_MAX_AGE_MS = 60_000;
/** Vectors read per turn of the event loop while warming (about 10 MB). */
const WARM_CHUNK = 5000;

export type RankKind = 'text' | 'like';

interface ModelState {
  id: string;
  textFloor: number;
  imageFloor: number;
}

export class SemanticIndex {
  private readonly embeddings: EmbeddingRepo;
  private readonly texts = new Map<string, Float32Array>();
  private readonly rankings = new Map<string, { state: string; ranked: Ranked }>();
  private packedCache: { model: string; change: number; packed: PackedEmbeddings } | undefined;
  private looksCache: { key: string; at: number; looks: Map<number, Look> } | undefined;
  private modelCache: ModelState | undefined;
  private warming: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    readonly clipDir: string,
  ) {
    this.embeddings = new EmbeddingRepo(db);
    // SQLite cannot run another statement on this connection inside a function, so these
    // only read rankings made before the query ran (rank(), called by SemanticSearch.beforeSearch).
    const prepared = (kind: unknown, value: unknown): Ranked => {
      const found = this.rankings.get(`${String(kind)}\0${String(value)}`);
      if (found) return found.ranked;
      throw new PackshotError(
        'invalid_argument',
        `${kind === 'like' ? `like:${String(value)}` : `~"${String(value)}"`} was not ranked before the search ran: search again`,
      );
    };
    db.table('ai_similar', {
      columns: ['id', 'score'],
      parameters: ['kind', 'value'],
      directOnly: true,
      rows: function* (kind: unknown, value: unknown) {
        const ranked = prepared(kind, value);
        for (const id of ranked.ids) yield [id, ranked.scores.get(id) ?? 0];
      },
    });
    db.function('ai_similarity', { directOnly: true }, (kind, value, id) => {
      return prepared(kind, value).scores.get(Number(id)) ?? null;
    });
  }

  /** The model in the CLIP folder now (a stat per file), or null with no usable model. */
  model(): ModelState | null {
    const id = clipModelId(this.clipDir);
    if (id === null) return null;
    if (this.modelCache?.id !== id) {
      const found = findClip(this.clipDir);
      let settings: ReturnType<typeof readClipSettings> = {};
      try {
        settings = readClipSettings(found.files?.settings ?? null);
      } catch {
        // A bad packshot-clip.json is reported by loading the model; the floors fall back.
      }
      this.modelCache = {
        id,
        textFloor: settings.textFloor ?? TEXT_FLOOR,
        imageFloor: settings.imageFloor ?? IMAGE_FLOOR,
      };
    }
    return this.modelCache;
  }

  /** Why there is no model, in words a user can act on (null when there is one). */
  missingModel(): string | null {
    return findClip(this.clipDir).reason;
  }

  /** How many images have a vector of this model (cheap: the model index). */
  embedded(modelId: string): number {
    return this.embeddings.count(modelId);
  }

  /** Keeps a query text's vector (from the model `modelId`) for the searches that follow. */
  rememberText(modelId: string, text: string, vector: Float32Array): void {
    const key = `${modelId}\0${text}`;
    this.texts.delete(key);
    this.texts.set(key, vector);
    if (this.texts.size > KEPT_TEXTS) this.texts.delete(this.texts.keys().next().value as string);
  }

  hasText(modelId: string, text: string): boolean {
    return this.texts.has(`${modelId}\0${text}`);
  }

  /** Forgets what was read into memory (tests; a restored library). */
  invalidate(): void {
    this.rankings.clear();
    this.packedCache = undefined;
    this.looksCache = undefined;
  }

  /** Ranks (or finds still current) what `~"value"` or `like:value` matches. */
  rank(kind: RankKind, value: string): Ranked {
    const key = `${kind}\0${value}`;
    const model = this.model();
    const state = `${model?.id}:${this.embeddings.lastChange()}:${kind === 'like' ? this.assetsState() : ''}`;
    const kept = this.rankings.get(key);
    if (kept?.state === state) return kept.ranked;
    const ranked =
      kind === 'text' ? this.rankText(model, value) : this.rankLike(model, Number(value));
    this.rankings.delete(key);
    this.rankings.set(key, { state, ranked });
    if (this.rankings.size > KEPT_RANKINGS)
      this.rankings.delete(this.rankings.keys().next().value as string);
    return ranked;
  }

  private rankText(model: ModelState | null, text: string): Ranked {
    if (!model)
      throw new PackshotError(
        'invalid_argument',
        `~"${text}" needs a semantic search model. ${this.missingModel() ?? ''}`,
      );
    const vector = this.texts.get(`${model.id}\0${text}`);
    if (!vector)
      throw new PackshotError(
        'invalid_argument',
        `~"${text}" was not embedded before the search ran: search again`,
      );
    return rankVectors(vector, this.packed(model.id), model.textFloor, MATCH_LIMIT);
  }

  private rankLike(model: ModelState | null, id: number): Ranked {
    if (model) {
      const packed = this.packed(model.id);
      const row = packed.rowOf.get(id);
      if (row !== undefined) {
        const own = packed.vectors.subarray(row * packed.dim, (row + 1) * packed.dim);
        return rankVectors(own, packed, model.imageFloor, MATCH_LIMIT, id);
      }
    }
    const looks = this.looks();
    const own = looks.get(id);
    if (!own) return { ids: [], scores: new Map() };
    return rankLooks(own, looks, LOOK_FLOOR, MATCH_LIMIT, id);
  }

  /**
   * Reads the model's vectors into memory in chunks, letting other work run between them
   * (the first search after a start: 1–2 s at 100,000), unless they are there already.
   * Vectors written meanwhile are caught up by the next packed() from the change log.
   */
  async warm(modelId: string): Promise<void> {
    if (this.packedCache?.model === modelId) return;
    this.warming ??= (async () => {
      const change = this.embeddings.lastChange();
      const packed = this.embeddings.emptyPacked(modelId);
      for (let after = 0; after >= 0;) {
        after = this.embeddings.readChunk(packed, modelId, after, WARM_CHUNK);
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.packedCache = { model: modelId, change, packed };
    })().finally(() => {
      this.warming = undefined;
    });
    await this.warming;
  }

  /** The model's vectors, brought up to date by the rows changed since (or read whole). */
  private packed(modelId: string): PackedEmbeddings {
    const change = this.embeddings.lastChange();
    const kept = this.packedCache;
    if (kept?.model === modelId) {
      if (kept.change === change) return kept.packed;
      if (this.embeddings.refresh(kept.packed, modelId, kept.change, change)) {
        kept.change = change;
        return kept.packed;
      }
    }
    this.packedCache = undefined; // let the old buffer go before the new one is read
    this.packedCache = { model: modelId, change, packed: this.embeddings.packed(modelId) };
    return this.packedCache.packed;
  }

  /**
   * Every present asset's hash and colours. Reading them is a scan of the wide asset rows
   * (0.8 s at 100,000), so they are read again when assets come or go, and otherwise at
   * most once a minute (a file edited and indexed again), not after every rating.
   */
  private looks(): Map<number, Look> {
    const key = this.assetsState();
    const kept = this.looksCache;
    if (kept?.key === key && Date.now() - kept.at < LOOKS_MAX_AGE_MS) return kept.looks;
    this.looksCache = undefined;
    const looks = new Map<number, Look>();
    for (const row of statements(this.db)
      .prepare<[], { id: number; phash: string; colors: string | null }>(
        `SELECT id, phash, colors FROM assets WHERE phash IS NOT NULL AND state != 'missing'`,
      )
      .iterate()) {
      const [hi, lo] = splitHash(row.phash);
      looks.set(row.id, { hi, lo, colours: parseColours(row.colors) });
    }
    this.looksCache = { key, at: Date.now(), looks };
    return looks;
  }

  /** Changes when assets are added or removed (a count from the narrowest index). */
  private assetsState(): string {
    const s = statements(this.db)
      .prepare<[], { n: number; top: number | null }>(
        `SELECT count(*) AS n, max(id) AS top FROM assets`,
      )
      .get();
    return `${s?.n}:${s?.top}:${Math.floor(Date.now() / LOOKS_MAX_AGE_MS)}`;
  }
}

function parseColours(json: string | null): number[] {
  if (!json) return [];
  try {
    const list = JSON.parse(json) as { hex?: unknown; share?: unknown }[];
    const out: number[] = [];
    for (const c of Array.isArray(list) ? list : []) {
      if (typeof c.hex !== 'string' || typeof c.share !== 'number') continue;
      const n = parseInt(c.hex.slice(1, 7), 16);
      out.push((n >> 16) & 255, (n >> 8) & 255, n & 255, c.share);
    }
    return out;
  } catch {
    return [];
  }
}
