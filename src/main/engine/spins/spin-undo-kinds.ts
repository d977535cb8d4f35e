import type { EditLog } from '../edit/edit-log';
import { kindName } from '../edit/undo-kind';
import type { SpinRepo, SpinSnapshot } from '../repositories/spin-repo';

/** A spin before and after a step (null: it did not exist). One kind for every spin edit. */
export interface SpinChange {
  spinId: number;
  before: SpinSnapshot | null;
  after: SpinSnapshot | null;
}

export const SPIN_STATE = kindName<SpinChange>('spins.state');

const signals = ['spins.changed'] as const;

export function registerSpinUndo(log: EditLog, spins: SpinRepo): void {
  const put = (id: number, snapshot: SpinSnapshot | null) => {
    spins.put(id, snapshot);
    return { changed: 1, signals };
  };
  log.register({
    name: SPIN_STATE,
    undo: (op) => put(op.spinId, op.before),
    redo: (op) => put(op.spinId, op.after),
  });
}
