// The contract's checks on users' patterns: the same module that runs them (RE2) says which
// are refused, so a pattern that is saved always runs, in time linear in the name.
import { z } from 'zod';
import { globProblem, MAX_GLOB_LENGTH } from '../patterns/glob';

export { MAX_PATTERN_LENGTH, groupNames, patternProblem } from '../patterns/user-regex';
export { MAX_GLOB_LENGTH, globProblem } from '../patterns/glob';

/** A glob (folder mapping, ignore list) the linear-time engine can run, or the reason not. */
export const userGlob = z
  .string()
  .min(1)
  .max(MAX_GLOB_LENGTH)
  .superRefine((glob, issues) => {
    const problem = globProblem(glob);
    if (problem) issues.addIssue({ code: 'custom', message: problem });
  });
