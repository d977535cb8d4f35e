// The AI's preferences in the settings table: the suggestion threshold and the pause.
import { DEFAULT_AI_THRESHOLD } from '../../../shared/ai-dto';
import type { Db } from '../db/open-database';
import { getSetting, setSetting } from './settings';

const THRESHOLD = 'ai.threshold';
const PAUSED = 'ai.paused';

export function aiThreshold(db: Db): number {
  const stored = Number(getSetting(db, THRESHOLD));
  return Number.isFinite(stored) && stored > 0 && stored < 1 ? stored : DEFAULT_AI_THRESHOLD;
}

export function setAiThreshold(db: Db, threshold: number): void {
  setSetting(db, THRESHOLD, String(threshold));
}

export function aiPaused(db: Db): boolean {
  return getSetting(db, PAUSED) === '1';
}

export function setAiPaused(db: Db, paused: boolean): void {
  setSetting(db, PAUSED, paused ? '1' : '0');
}
