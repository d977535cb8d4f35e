// Messages for the user, mostly failed calls. Every store reports errors here so that no
// failure is swallowed; identical messages are merged so a repeating failure (e.g. while
// scrolling) shows once.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { toPackshotError } from '../client';

export interface Notice {
  id: number;
  /** Short context, e.g. "Could not add the folder". */
  title: string;
  message: string;
  /** How many times the same notice was raised. */
  count: number;
}

export interface NoticesState {
  notices: readonly Notice[];
  /** Shows `cause` (any thrown value) under `title`. */
  report(title: string, cause: unknown): void;
  dismiss(id: number): void;
}

export type NoticesStore = StoreApi<NoticesState>;

const MAX_NOTICES = 5;

export function createNoticesStore(): NoticesStore {
  let nextId = 1;
  return createStore<NoticesState>()((set) => ({
    notices: [],
    report(title, cause) {
      const message = toPackshotError(cause).message;
      set(({ notices }) => {
        const same = notices.find((n) => n.title === title && n.message === message);
        if (same !== undefined) {
          return { notices: notices.map((n) => (n === same ? { ...n, count: n.count + 1 } : n)) };
        }
        const notice: Notice = { id: nextId++, title, message, count: 1 };
        return { notices: [...notices, notice].slice(-MAX_NOTICES) };
      });
    },
    dismiss(id) {
      set(({ notices }) => ({ notices: notices.filter((n) => n.id !== id) }));
    },
  }));
}
