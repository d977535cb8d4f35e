// The rules dialog edits a draft shaped for form fields (tags and folder mappings as text);
// these convert between it and the contract's IntakeRules.
import type { IntakeRules } from '../../../../shared/intake-dto';

export interface DraftFilenameRule {
  pattern: string;
  ignoreCase: boolean;
  /** Extra tags, comma-separated. */
  tags: string;
}

export interface DraftRules {
  folders: IntakeRules['folders'];
  /** One mapping per line: `Shoes/** = Department|Footwear`. */
  folderMap: string;
  filename: DraftFilenameRule[];
  exif: IntakeRules['exif'];
  /** '' for no naming convention. */
  naming: string;
  namingIgnoreCase: boolean;
}

export function toDraft(rules: IntakeRules): DraftRules {
  return {
    folders: { ...rules.folders },
    folderMap: rules.folderMap.map((m) => `${m.glob} = ${m.tag}`).join('\n'),
    filename: rules.filename.map((r) => ({
      pattern: r.pattern,
      ignoreCase: r.ignoreCase,
      tags: r.tags.join(', '),
    })),
    exif: { ...rules.exif },
    naming: rules.naming?.pattern ?? '',
    namingIgnoreCase: rules.naming?.ignoreCase ?? false,
  };
}

/** Blank rules and lines are left out; the engine checks the rest. */
export function fromDraft(draft: DraftRules): IntakeRules {
  return {
    folders: { ...draft.folders },
    folderMap: draft.folderMap
      .split('\n')
      .map((line) => {
        const at = line.indexOf('=');
        return at < 0
          ? { glob: '', tag: '' }
          : { glob: line.slice(0, at).trim(), tag: line.slice(at + 1).trim() };
      })
      .filter((m) => m.glob !== '' && m.tag !== ''),
    filename: draft.filename
      .filter((r) => r.pattern !== '')
      .map((r) => ({
        pattern: r.pattern,
        ignoreCase: r.ignoreCase,
        tags: r.tags
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== ''),
      })),
    exif: { ...draft.exif },
    naming:
      draft.naming.trim() === ''
        ? null
        : { pattern: draft.naming.trim(), ignoreCase: draft.namingIgnoreCase },
  };
}
