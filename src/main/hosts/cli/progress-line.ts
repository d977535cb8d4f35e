import type { JobProgress } from '../../../shared/dto';

const WIDTH = 24;

/** One progress line on stderr: redrawn in place on a terminal, a line every few seconds elsewhere. */
export function progressReporter(err: NodeJS.WritableStream & { isTTY?: boolean }) {
  let lastPlain = 0;
  let drawn = false;
  return {
    update(p: JobProgress): void {
      const share = p.total > 0 ? p.done / p.total : 0;
      const filled = Math.round(share * WIDTH);
      const eta = p.etaSeconds === null ? '' : `  ETA ${p.etaSeconds}s`;
      const errors = p.errors > 0 ? `  ${p.errors} errors` : '';
      const text = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${p.done}/${p.total}  ${p.rate.toFixed(1)} files/s${eta}${errors}`;
      if (err.isTTY) {
        err.write(`\r${text}\x1b[K`);
        drawn = true;
      } else if (Date.now() - lastPlain > 2000 || !p.running) {
        lastPlain = Date.now();
        err.write(`${text}\n`);
      }
    },
    done(): void {
      if (drawn) err.write('\n');
    },
  };
}
