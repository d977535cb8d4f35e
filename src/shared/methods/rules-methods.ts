// Filename rules: regular expressions that link files to products by name.
import { z } from 'zod';
import type { EditResult } from '../dto';
import { type LinkRule, type RulePlan } from '../product-dto';
import { type } from '../phantom-type';
import { empty, id } from './schema-parts';
import { MAX_PATTERN_LENGTH, patternProblem } from './pattern-check';
import { lazyMethods } from './lazy-methods';

/** A link rule's expression: the same length limit and checks as intake rules' patterns. */
const rulePattern = z
  .string()
  .min(1)
  .max(MAX_PATTERN_LENGTH)
  .superRefine((pattern, issues) => {
    const problem = patternProblem(pattern);
    if (problem) issues.addIssue({ code: 'custom', message: problem });
  });

const ruleOrRules = z
  .object({
    /** One expression instead of the configured rules (the CLI's --rule). */
    pattern: rulePattern.optional(),
  })
  .strict();

export const rulesMethods = lazyMethods(() => ({
  'rules.list': { args: empty, result: type<LinkRule[]>() },
  'rules.save': {
    args: z
      .object({
        id: id.optional(),
        name: z.string().min(1).max(200),
        pattern: rulePattern,
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
}));
