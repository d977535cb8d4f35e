import { userInfo } from 'node:os';
import type { Db } from '../db/open-database';
import { getSetting } from './settings';

/** The settings key of the reviewer-name preference. */
export const REVIEWER_KEY = 'reviewer.name';

/** Who approvals and audit rows are recorded under: the reviewer name, else the OS user. */
export function reviewerName(db: Db): string {
  return getSetting(db, REVIEWER_KEY) || osUser();
}

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown'; // no passwd entry (a container)
  }
}
