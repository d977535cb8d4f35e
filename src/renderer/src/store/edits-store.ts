// Undoable edits from the UI: culling fields and tags on a target (ids or a query), tag
// renames, moves and merges, keep-best; and undo / redo of them, one engine step each.
//
// Each edit's result says whether there is more to undo or redo, and names the step it just
// did or undid, but not the step below it: this session's labels are kept as two stacks so
// the buttons answer at once. The engine's history is durable, so edits.state (read at start,
// after changes that return no EditResult, and when the stacks run dry) tells what a
// restart or another window left. Until it answers, unknown is null: the buttons stay usable.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ColorLabel, EditResult, EditState, Flag } from '../../../shared/dto';
import type { Client } from '../client';
import type { NoticesStore } from './notices-store';
import type { EditTarget } from './selection-target';

export interface CullChange {
  rating?: number;
  flag?: Flag;
  label?: ColorLabel | null;
}

export interface EditToast {
  id: number;
  text: string;
}

export interface EditsState {
  canUndo: boolean | null;
  canRedo: boolean | null;
  /** The label of the step Undo would revert, when this session knows it. */
  undoLabel: string | null;
  redoLabel: string | null;
  toast: EditToast | null;

  cull(target: EditTarget, change: CullChange): Promise<EditResult | null>;
  tag(target: EditTarget, path: string): Promise<EditResult | null>;
  untag(target: EditTarget, tag: { id: number; path: string }): Promise<EditResult | null>;
  /** Any other undoable call (rename, move, merge, keep best); failures go to notices. */
  run(title: string, call: () => Promise<EditResult>): Promise<EditResult | null>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Reads what Undo and Redo would do from the engine's stored history. */
  refresh(): Promise<void>;
  dismissToast(): void;
}

export type EditsStore = StoreApi<EditsState>;

export function createEditsStore(client: Client, notices: NoticesStore): EditsStore {
  const done: string[] = [];
  const undone: string[] = [];
  let toastId = 0;
  // Bumped by every edit and undo: a slower edits.state answer never overwrites them.
  let version = 0;

  return createStore<EditsState>()((set, get) => {
    const labels = () => ({ undoLabel: done.at(-1) ?? null, redoLabel: undone.at(-1) ?? null });

    const learn = (result: EditResult): void => {
      version++;
      if (result.step !== null) {
        done.push(result.step);
        undone.length = 0;
      }
      set({ canUndo: result.canUndo, canRedo: result.canRedo, ...labels() });
    };

    const toast = (text: string): void => set({ toast: { id: ++toastId, text } });

    /** The engine's top label replaces a stack's top only when they differ. */
    const align = (stack: string[], label: string | null): void => {
      if (stack.at(-1) === label) return;
      stack.length = 0;
      if (label !== null) stack.push(label);
    };

    const refresh = async (): Promise<void> => {
      const asked = version;
      let state: EditState;
      try {
        state = await client.call('edits.state', {});
      } catch {
        // Only labels are at stake: the buttons stay usable and the next edit tells.
        return;
      }
      if (asked !== version) return;
      align(done, state.undoLabel);
      align(undone, state.redoLabel);
      set({ canUndo: state.canUndo, canRedo: state.canRedo, ...labels() });
    };

    const travel = async (direction: 'undo' | 'redo'): Promise<void> => {
      let result: EditResult;
      try {
        result = await client.call(direction === 'undo' ? 'edits.undo' : 'edits.redo', {});
      } catch (cause) {
        notices.getState().report(`Could not ${direction}`, cause);
        return;
      }
      version++;
      const [from, to] = direction === 'undo' ? [done, undone] : [undone, done];
      if (result.step === null) {
        toast(direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
      } else {
        // The engine's step is the truth; this session's stack may not know older ones.
        if (from.at(-1) === result.step) from.pop();
        else from.length = 0;
        to.push(result.step);
        toast(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.step}`);
      }
      set({ canUndo: result.canUndo, canRedo: result.canRedo, ...labels() });
      // Steps from before this session: their labels are in the engine's history.
      if ((result.canUndo && done.length === 0) || (result.canRedo && undone.length === 0))
        void refresh();
    };

    return {
      canUndo: null,
      canRedo: null,
      undoLabel: null,
      redoLabel: null,
      toast: null,

      cull(target, change) {
        return get().run('Could not change the selection', () =>
          target.kind === 'ids'
            ? client.call('assets.edit', { ids: target.ids, ...change })
            : client.call('assets.editQuery', { query: target.query, ...change }),
        );
      },

      tag(target, path) {
        return get().run('Could not tag the selection', () =>
          target.kind === 'ids'
            ? client.call('tags.apply', { ids: target.ids, path })
            : client.call('tags.applyQuery', { query: target.query, path, remove: false }),
        );
      },

      untag(target, tag) {
        return get().run('Could not remove the keyword', () =>
          target.kind === 'ids'
            ? client.call('tags.remove', { ids: target.ids, tagId: tag.id })
            : client.call('tags.applyQuery', { query: target.query, path: tag.path, remove: true }),
        );
      },

      async run(title, call) {
        try {
          const result = await call();
          learn(result);
          return result;
        } catch (cause) {
          notices.getState().report(title, cause);
          return null;
        }
      },

      undo: () => travel('undo'),
      redo: () => travel('redo'),
      refresh,
      dismissToast: () => set({ toast: null }),
    };
  });
}
