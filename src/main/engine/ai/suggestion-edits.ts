// Accepting and rejecting suggested tags. Accepting adds each tag path (AI|Object|Cup) as
// a real tag of its asset and marks the suggestion accepted, all in one undo step; undo
// takes the tags off and makes the suggestions pending again. Rejecting marks them rejected
// (a later run keeps that: the tag is never suggested again) and takes their labels out of
// the free words. Only pending suggestions at or above the threshold are acted on.
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import type { EditLog, StepResult } from '../edit/edit-log';
import { kindName, part, type StepPart } from '../edit/undo-kind';
import { AiResultsRepo } from '../repositories/ai-results-repo';
import { pendingSuggestions, setSuggestionState } from '../repositories/ai-asset-read';
import { aiThreshold } from '../repositories/ai-settings';
import type { TagRepo } from '../repositories/tag-repo';
import { TAG_LINKS } from '../tags/tag-undo-kinds';

interface Decided {
  rows: { asset_id: number; tag_path: string }[];
}

const ACCEPTED = kindName<Decided>('ai.suggestions.accepted');

export class SuggestionEdits {
  private readonly repo: AiResultsRepo;

  constructor(
    private readonly db: Db,
    private readonly log: EditLog,
    private readonly tags: TagRepo,
  ) {
    this.repo = new AiResultsRepo(db);
    const flip = (rows: Decided['rows'], state: 'pending' | 'accepted') => {
      setSuggestionState(db, rows, state);
      return { changed: rows.length, signals: ['tags.changed'] as const };
    };
    log.register({
      name: ACCEPTED,
      undo: (op) => flip(op.rows, 'pending'),
      redo: (op) => flip(op.rows, 'accepted'),
    });
  }

  accept(
    assetIds: readonly number[],
    tagPaths: readonly string[] | null,
  ): StepResult & { accepted: number; assets: number } {
    let accepted = 0;
    let assets = 0;
    const result = this.log.step('Accept suggested tags', () => {
      // Read inside: another process's decision in between is not overwritten.
      const rows = pendingSuggestions(this.db, assetIds, aiThreshold(this.db), tagPaths);
      const byPath = new Map<string, number[]>();
      for (const r of rows) byPath.set(r.tag_path, [...(byPath.get(r.tag_path) ?? []), r.asset_id]);
      const parts: StepPart[] = [];
      const touched = new Set<number>();
      for (const [path, ids] of byPath) {
        const tagId = this.tags.ensurePath(path);
        const added = this.tags.link(ids, tagId);
        if (added.length > 0) parts.push(part(TAG_LINKS, { tagId, added, removed: [] }));
        added.forEach((id) => touched.add(id));
      }
      const decided = rows.map((r) => ({ asset_id: r.asset_id, tag_path: r.tag_path }));
      setSuggestionState(this.db, decided, 'accepted');
      if (decided.length > 0) parts.push(part(ACCEPTED, { rows: decided }));
      accepted = rows.length;
      assets = new Set(rows.map((r) => r.asset_id)).size;
      return { parts, changed: accepted, touched: [...touched] };
    });
    return { ...result, accepted, assets };
  }

  reject(
    assetIds: readonly number[],
    tagPaths: readonly string[] | null,
  ): { rejected: number; assets: number } {
    return writeTransaction(this.db, () => {
      const threshold = aiThreshold(this.db);
      const rows = pendingSuggestions(this.db, assetIds, threshold, tagPaths);
      setSuggestionState(this.db, rows, 'rejected');
      const assets = [...new Set(rows.map((r) => r.asset_id))];
      for (const id of assets) this.repo.writeWords(id, threshold);
      return { rejected: rows.length, assets: assets.length };
    });
  }
}
