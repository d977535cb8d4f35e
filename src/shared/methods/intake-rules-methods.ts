// Intake rules per catalog: folder, filename and EXIF rules that tag files as they are
// indexed, and a naming convention whose violations are flagged.
import { z } from 'zod';
import type { IntakeApplyReport, IntakeResult, IntakeRules } from '../intake-dto';
import { type } from '../phantom-type';
import { id, tagPath } from './schema-parts';
import { MAX_PATTERN_LENGTH, patternProblem, userGlob } from './pattern-check';
import { lazyMethods } from './lazy-methods';

const patternFields = {
  pattern: z.string().min(1).max(MAX_PATTERN_LENGTH),
  ignoreCase: z.boolean().default(false),
};

/** Refuses a regular expression that is invalid or unsafe, saying why. */
function checkPattern(p: { pattern: string; ignoreCase: boolean }, issues: z.RefinementCtx): void {
  const problem = patternProblem(p.pattern, p.ignoreCase);
  if (problem) issues.addIssue({ code: 'custom', message: problem, path: ['pattern'] });
}

const tagLevel = z.string().max(200);

export const intakeRulesSchema = z
  .object({
    folders: z
      .object({
        enabled: z.boolean().default(false),
        parent: tagLevel.default('Folder'),
        nested: z.boolean().default(false),
      })
      .strict()
      .default({ enabled: false, parent: 'Folder', nested: false }),
    folderMap: z
      .array(z.object({ glob: userGlob, tag: tagPath }).strict())
      .max(200)
      .default([]),
    filename: z
      .array(
        z
          .object({ ...patternFields, tags: z.array(tagPath).max(50).default([]) })
          .strict()
          .superRefine(checkPattern),
      )
      .max(100)
      .default([]),
    exif: z
      .object({ camera: z.boolean().default(false), lens: z.boolean().default(false) })
      .strict()
      .default({ camera: false, lens: false }),
    naming: z.object(patternFields).strict().superRefine(checkPattern).nullable().default(null),
  })
  .strict();

export const intakeRulesMethods = lazyMethods(() => ({
  /** A catalog's intake rules (the defaults, all off, when none were set). */
  'intakeRules.get': { args: z.object({ catalogId: id }).strict(), result: type<IntakeRules>() },
  /** Replaces a catalog's rules; files indexed from now on follow them. */
  'intakeRules.set': {
    args: z.object({ catalogId: id, rules: intakeRulesSchema }).strict(),
    result: type<IntakeRules>(),
  },
  /** What rules (saved, or a draft) make of one sample file; changes nothing. */
  'intakeRules.preview': {
    args: z
      .object({
        catalogId: id,
        /** A draft to try instead of the saved rules. */
        rules: intakeRulesSchema.optional(),
        /** Path relative to the catalog, '/' separated: 'Shoes/Sneakers/ABC-123_01.jpg'. */
        relPath: z.string().min(1).max(4096),
        camera: z.string().max(200).nullable().default(null),
        lens: z.string().max(200).nullable().default(null),
      })
      .strict(),
    result: type<IntakeResult>(),
  },
  /** Re-applies the saved rules to the catalog's files: tags change as one undoable step. */
  'intakeRules.apply': {
    args: z.object({ catalogId: id }).strict(),
    result: type<IntakeApplyReport>(),
  },
}));
