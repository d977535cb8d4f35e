// Argument pieces that several method groups share.
import { z } from 'zod';

export const id = z.number().int().positive();
export const empty = z.object({}).strict();
export const tagPath = z.string().min(1).max(1000);
/** Text in the search language (parsed in the engine); one limit wherever a query is taken. */
export const searchQuery = z.string().max(2000);
