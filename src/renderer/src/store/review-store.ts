// The Review view's session: the assets to review (a search such as approval:in-review, or
// the Library's selection), the one in view with its approval history and rights verdict,
// the comment for the next decision, and the assets checked for a bulk decision. Decisions
// go through approvals.set, an undoable step: the edits store reads the history afterwards
// so Undo names it. Built by the view, not kept in the app's stores: it lives while shown.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Asset } from '../../../shared/dto';
import type { ApprovalDecision, ApprovalState, RightsResult } from '../../../shared/rights-dto';
import type { Client } from '../client';
import { listArgs } from './asset-view';
import type { Stores } from './create-stores';

export const REVIEW_SOURCES = [
  { id: 'approval:in-review', label: 'In review' },
  { id: 'approval:draft', label: 'Drafts' },
  { id: 'approval:rejected', label: 'Rejected' },
  { id: 'selection', label: 'Library selection' },
] as const;

export type ReviewSource = (typeof REVIEW_SOURCES)[number]['id'];
export type Decision = Exclude<ApprovalState, 'draft'>;

/** What the view shows of the asset in view, read when it comes into view. */
export interface ReviewFacts {
  assetId: number;
  approval: ApprovalState;
  history: ApprovalDecision[];
  verdict: RightsResult | null;
}

/** How many assets a review session lists at most. */
export const REVIEW_LIMIT = 500;

export interface ReviewState {
  source: ReviewSource;
  status: 'loading' | 'ready' | 'failed';
  items: readonly Asset[];
  index: number;
  /** Approval states known this session, by asset (the list's badges). */
  states: ReadonlyMap<number, ApprovalState>;
  facts: ReviewFacts | null;
  checked: ReadonlySet<number>;
  comment: string;
  /** The name decisions are recorded under (engine preference, else the OS user). */
  reviewer: string | null;
  load(source: ReviewSource): Promise<void>;
  move(delta: number): void;
  setComment(text: string): void;
  toggleChecked(id: number): void;
  checkAll(): void;
  /** A decision on the asset in view, with the comment; then the next asset. */
  decide(state: Decision): Promise<void>;
  /** One decision, one comment, on every checked asset (one undoable step). */
  decideChecked(state: Decision): Promise<void>;
  setReviewer(name: string): Promise<void>;
  /** Reads the facts again (after undo or redo) for the asset in view and those decided. */
  reread(): Promise<void>;
}

export type ReviewStore = StoreApi<ReviewState>;

export function createReviewStore(client: Client, stores: Stores): ReviewStore {
  const report = (title: string, cause: unknown): void =>
    stores.notices.getState().report(title, cause);
  // Bumped per view change: a slow answer about an asset no longer in view is dropped.
  let shown = 0;
  // One decision at a time: a second key press while one is on its way would land on the
  // same asset (the view advances only when the first is recorded), not on the next.
  let deciding = false;

  return createStore<ReviewState>()((set, get) => {
    const readFacts = async (assetId: number): Promise<void> => {
      const ticket = ++shown;
      try {
        const [rights, history, checks] = await Promise.all([
          client.call('rights.get', { id: assetId }),
          client.call('approvals.history', { assetId }),
          client.call('rights.check', { assetIds: [assetId] }),
        ]);
        const states = new Map(get().states).set(assetId, rights.approval);
        set({ states });
        if (ticket !== shown) return;
        const verdict = checks[0] ?? null;
        set({ facts: { assetId, approval: rights.approval, history: history.decisions, verdict } });
      } catch (cause) {
        if (ticket === shown) set({ facts: null });
        report('Could not read the asset’s rights', cause);
      }
    };

    const show = (index: number): void => {
      const asset = get().items[index];
      set({ index, facts: null });
      if (asset !== undefined) void readFacts(asset.id);
    };

    const listOf = async (source: ReviewSource): Promise<Asset[]> => {
      if (source !== 'selection') {
        const page = await client.call('assets.list', { query: source, limit: REVIEW_LIMIT });
        return page.items;
      }
      const selection = stores.selection.getState();
      // "Select all": the Library's list as it stands (its first REVIEW_LIMIT assets).
      if (selection.all) {
        const view = stores.assets.getState().view;
        return (await client.call('assets.list', listArgs(view, 0, REVIEW_LIMIT))).items;
      }
      const ids =
        selection.ids.size > 0 ? [...selection.ids] : selection.id !== null ? [selection.id] : [];
      return Promise.all(ids.slice(0, REVIEW_LIMIT).map((id) => client.call('assets.get', { id })));
    };

    /** Sends one decision; the edits store then learns the new step from the history. */
    const send = async (ids: number[], state: Decision): Promise<boolean> => {
      if (deciding) return false;
      const comment = get().comment.trim();
      deciding = true;
      try {
        await client.call('approvals.set', {
          assetIds: ids,
          state,
          comment: comment === '' ? null : comment,
        });
      } catch (cause) {
        report('Could not record the decision', cause);
        return false;
      } finally {
        deciding = false;
      }
      const states = new Map(get().states);
      for (const id of ids) states.set(id, state);
      set({ states, comment: '' });
      void stores.edits.getState().refresh();
      return true;
    };

    return {
      source: 'approval:in-review',
      status: 'loading',
      items: [],
      index: 0,
      states: new Map(),
      facts: null,
      checked: new Set(),
      comment: '',
      reviewer: null,

      async load(source) {
        set({ source, status: 'loading', items: [], checked: new Set(), facts: null });
        if (get().reviewer === null)
          void client.call('approvals.reviewer', {}).then(
            ({ name }) => set({ reviewer: name }),
            (cause: unknown) => report('Could not read the reviewer name', cause),
          );
        try {
          const items = await listOf(source);
          if (get().source !== source) return;
          set({ items, status: 'ready' });
          show(0);
        } catch (cause) {
          if (get().source === source) set({ status: 'failed' });
          report('Could not list the assets to review', cause);
        }
      },

      move(delta) {
        const next = get().index + delta;
        if (next < 0 || next >= get().items.length) return;
        show(next);
      },

      setComment: (comment) => set({ comment }),

      toggleChecked(id) {
        const checked = new Set(get().checked);
        if (!checked.delete(id)) checked.add(id);
        set({ checked });
      },

      checkAll: () => set({ checked: new Set(get().items.map((a) => a.id)) }),

      async decide(state) {
        const { items, index } = get();
        const asset = items[index];
        if (asset === undefined || !(await send([asset.id], state))) return;
        // Auto-advance: the next asset, or this one again (its new state) at the end.
        if (get().items[get().index]?.id !== asset.id) return;
        show(index + 1 < items.length ? index + 1 : index);
      },

      async decideChecked(state) {
        const ids = [...get().checked];
        if (ids.length === 0 || !(await send(ids, state))) return;
        set({ checked: new Set() });
        show(get().index);
      },

      async setReviewer(name) {
        try {
          const saved = await client.call('approvals.setReviewer', { name });
          set({ reviewer: saved.name });
          stores.prefs.getState().confirmReviewer(saved.name);
        } catch (cause) {
          report('Could not save the reviewer name', cause);
        }
      },

      async reread() {
        const before = get().states;
        const read = new Map<number, ApprovalState | null>();
        await Promise.all(
          [...before.keys()].map(async (id) => {
            try {
              read.set(id, (await client.call('rights.get', { id })).approval);
            } catch {
              read.set(id, null);
            }
          }),
        );
        // Onto the states as they are now: one a decision (or the shown asset's facts) set
        // while these reads were on their way is newer than what they read, and stays.
        const states = new Map(get().states);
        for (const [id, state] of read) {
          if (states.get(id) !== before.get(id)) continue;
          if (state === null) states.delete(id);
          else states.set(id, state);
        }
        set({ states });
        show(get().index);
      },
    };
  });
}
