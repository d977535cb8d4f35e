import type { EventName, EventPayload } from '../../../shared/contract';

/** A kind's name that carries the type of its data, so parts and handlers agree. */
export type KindName<T> = string & { readonly __data?: T };

export function kindName<T>(name: string): KindName<T> {
  return name;
}

/** One part of a step as stored: which handler takes it, and what it needs. */
export interface StepPart {
  readonly kind: string;
  readonly data: unknown;
}

export function part<T>(kind: KindName<T>, data: T): StepPart {
  return { kind, data };
}

/** Events that carry no payload: what a domain says changed, for views to refetch. */
export type Signal = {
  [E in EventName]: EventPayload<E> extends Record<string, never> ? E : never;
}[EventName];

/** What undoing or redoing one part did. */
export interface UndoOutcome {
  /** Rows (assets, links, members) put back or taken again. */
  changed: number;
  /** Assets whose own metadata (keywords, rating, label) changed: XMP is written back. */
  touched?: readonly number[];
  /** What views should refetch. */
  signals?: readonly Signal[];
}

/**
 * How one kind of part is undone and redone, registered by its domain (as VS Code's
 * undo-redo elements carry their own undo()/redo()): the edit log knows no domain.
 * Both run inside the log's transaction; throwing rolls the whole step back.
 */
export interface UndoKind<T> {
  readonly name: KindName<T>;
  undo(data: T): UndoOutcome;
  redo(data: T): UndoOutcome;
}
