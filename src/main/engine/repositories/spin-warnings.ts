// What is wrong with a spin's frames, in words: gaps in the numbering of the names, frames
// whose file is gone or unreadable. Only warnings: the spin still shows, turns and exports
// with the frames it has.
import type { AssetState } from '../../../shared/dto';

export interface FrameFacts {
  number: number | null;
  name: string;
  state: AssetState;
}

const SHOWN = 5;

export function spinWarnings(frames: readonly FrameFacts[]): string[] {
  const warnings: string[] = [];
  const gone = frames.filter((f) => f.state === 'missing');
  if (gone.length > 0)
    warnings.push(
      `${count(gone.length, 'frame')} missing on disk: ${names(gone.map((f) => f.name))}`,
    );
  const broken = frames.filter((f) => f.state === 'error');
  if (broken.length > 0)
    warnings.push(
      `${count(broken.length, 'frame')} could not be read: ${names(broken.map((f) => f.name))}`,
    );
  const numbers = frames.map((f) => f.number).filter((n): n is number => n !== null);
  if (numbers.length >= 2) {
    const sorted = [...new Set(numbers)].sort((a, b) => a - b);
    const first = sorted[0] as number;
    const last = sorted[sorted.length - 1] as number;
    const have = new Set(sorted);
    const gaps: number[] = [];
    // Bounded: a name numbered 1 and 99999 is one warning, not a walk of the gap.
    for (let n = first + 1; n < last && gaps.length <= 1000; n++) if (!have.has(n)) gaps.push(n);
    if (gaps.length > 0)
      warnings.push(
        `${count(gaps.length, 'frame')} missing from the numbering ${first}–${last}: ${names(gaps.map(String))}`,
      );
  }
  return warnings;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function names(list: readonly string[]): string {
  const shown = list.slice(0, SHOWN).join(', ');
  return list.length > SHOWN ? `${shown} and ${list.length - SHOWN} more` : shown;
}
