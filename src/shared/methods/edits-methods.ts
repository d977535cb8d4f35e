// The undo history of edits: one durable list of steps, whatever domain made them.
import type { EditResult, EditState } from '../dto';
import { type } from '../phantom-type';
import { empty } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const editsMethods = lazyMethods(() => ({
  'edits.undo': { args: empty, result: type<EditResult>() },
  'edits.redo': { args: empty, result: type<EditResult>() },
  /** What Undo and Redo would do now, from the stored history (so it survives restarts). */
  'edits.state': { args: empty, result: type<EditState>() },
}));
