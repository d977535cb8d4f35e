// The async half of `~"…"`: before a query runs, each of its texts is embedded with the
// user's CLIP text encoder, in this process (a text takes milliseconds; the AI process is
// busy with images at the lowest priority), and handed to the SemanticIndex the compiled
// SQL reads. The encoder loads on the first `~` search and stays loaded until the model's
// files change. Without a model, the query is refused with a caret and what to do.
import { join } from 'node:path';
import { PackshotError } from '../../../shared/errors';
import { parseQuery, queryError } from '../search/parse-query';
import type { QueryNode } from '../search/query-ast';
import type { ClipModel } from '../tools/ai/clip';
import { SemanticIndex } from '../repositories/semantic-index';
import type { Db } from '../db/open-database';

/** Where the user puts the model: <data>/models/clip/ (README, "Semantic search"). */
export function clipFolder(dataDir: string): string {
  return join(dataDir, 'models', 'clip');
}

export class SemanticSearch {
  readonly index: SemanticIndex;
  private loaded: { id: string; model: Promise<ClipModel> } | undefined;

  constructor(db: Db, dataDir: string) {
    this.index = new SemanticIndex(db, clipFolder(dataDir));
  }

  /**
   * Embeds the `~` texts of these queries and ranks their `~` and `like:` terms (queries
   * without either cost a string search each).
   */
  async beforeSearch(queries: readonly string[]): Promise<void> {
    for (const input of queries) {
      if (!mayRank(input)) continue;
      const { texts: terms, likes } = rankTerms(parseQuery(input));
      const current = this.index.model();
      if (current && (terms.length > 0 || likes.length > 0)) await this.index.warm(current.id);
      // A like: with a bad id is left for the compile to refuse with its caret.
      for (const id of likes) this.index.rank('like', id);
      if (terms.length === 0) continue;
      const model = this.index.model();
      if (!model) {
        const first = terms[0] as { column: number };
        throw queryError(
          input,
          first.column,
          `~ searches by meaning with a model you bring. ${this.index.missingModel() ?? ''}`,
        );
      }
      if (this.index.embedded(model.id) === 0)
        throw queryError(
          input,
          (terms[0] as { column: number }).column,
          '~ has no images to search yet: the AI job embeds them with the model in the background (packshot ai run --only embedding)',
        );
      for (const { value } of terms) {
        if (!this.index.hasText(model.id, value))
          this.index.rememberText(model.id, value, await this.embed(model.id, value));
        this.index.rank('text', value);
      }
    }
  }

  private async embed(id: string, text: string): Promise<Float32Array> {
    try {
      return await (await this.model(id)).embedText(text);
    } catch (error) {
      throw new PackshotError(
        'invalid_argument',
        `Semantic search cannot use its model: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private model(id: string): Promise<ClipModel> {
    if (this.loaded?.id !== id) {
      // Imported on first use: onnxruntime's native library loads only for a `~` search.
      const model = import('../tools/ai/clip').then(({ loadClip }) => loadClip(this.index.clipDir));
      this.loaded = { id, model };
      model.catch(() => {
        if (this.loaded?.model === model) this.loaded = undefined;
      });
    }
    return this.loaded.model;
  }
}

/** Whether a query may hold `~` or `like:` (a cheap look before parsing). */
export function mayRank(input: string): boolean {
  return input.includes('~') || /like:/i.test(input);
}

interface Terms {
  texts: { value: string; column: number }[];
  likes: string[];
}

function rankTerms(node: QueryNode | null, into: Terms = { texts: [], likes: [] }): Terms {
  if (!node) return into;
  if (node.type === 'semantic') into.texts.push(node);
  else if (node.type === 'field' && node.field === 'like' && /^\s*\d{1,16}\s*$/.test(node.value))
    into.likes.push(node.value.trim());
  else if (node.type === 'and' || node.type === 'or')
    for (const n of node.items) rankTerms(n, into);
  else if (node.type === 'not') rankTerms(node.item, into);
  return into;
}
