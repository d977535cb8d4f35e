// Filename rules: regular expressions that link files to products by name.
import { z } from 'zod';
import type { EditResult } from '../dto';
import { type LinkRule, type RulePlan } from '../product-dto';
import { type } from '../phantom-type';
import { empty, id } from './schema-parts';

const ruleOrRules = z
  .object({
    /** One expression instead of the configured rules (the CLI's --rule). */
    pattern: z.string().min(1).max(2000).optional(),
  })
  .strict();

export const rulesMethods = {
  'rules.list': { args: empty, result: type<LinkRule[]>() },
  'rules.save': {
    args: z
      .object({
        id: id.optional(),
        name: z.string().min(1).max(200),
        pattern: z.string().min(1).max(2000),
        auto: z.boolean().default(false),
      })
      .strict(),
    result: type<LinkRule>(),
  },
  'rules.delete': { args: z.object({ id }).strict(), result: type<{ removed: boolean }>() },
  /** What the rules (or `pattern`) would link; changes nothing. */
  'rules.dryRun': { args: ruleOrRules, result: type<RulePlan>() },
  /** Links what the dry run lists, as one undoable step. */
  'rules.apply': { args: ruleOrRules, result: type<RulePlan & EditResult>() },
} as const;
