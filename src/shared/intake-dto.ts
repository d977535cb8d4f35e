// Intake rules: what a catalog's files get when they are indexed, from their folder, their
// name and their EXIF. Set per catalog; tags they make are ordinary tags.

/** A filename rule: a regular expression whose named groups become tags or fields. */
export interface FilenameRule {
  /** Tried against the file name without its extension (JavaScript syntax, `(?<sku>…)`; runs on RE2). */
  pattern: string;
  ignoreCase: boolean;
  /** Tags every matching file gets, besides those its groups make. */
  tags: string[];
}

/** Files in folders matching `glob` (relative to the catalog, e.g. `Shoes/**`) get `tag`. */
export interface FolderMapping {
  glob: string;
  tag: string;
}

export interface IntakeRules {
  folders: {
    /** Each folder level under the catalog becomes a tag under `parent`. */
    enabled: boolean;
    /** 'Folder' gives Folder|Shoes; '' puts the folder tags at the top level. */
    parent: string;
    /** One nested tag (Folder|Shoes|Sneakers) instead of one per level. */
    nested: boolean;
  };
  folderMap: FolderMapping[];
  filename: FilenameRule[];
  exif: {
    /** Camera|Canon EOS R5 */
    camera: boolean;
    /** Lens|RF24-70mm F2.8 L IS USM */
    lens: boolean;
  };
  /** A regular expression the whole file name (without extension) must match; null: none. */
  naming: { pattern: string; ignoreCase: boolean } | null;
}

export const DEFAULT_INTAKE_RULES: IntakeRules = {
  folders: { enabled: false, parent: 'Folder', nested: false },
  folderMap: [],
  filename: [],
  exif: { camera: false, lens: false },
  naming: null,
};

/** Fields a filename rule can set through groups named after them. */
export interface IntakeFields {
  title?: string;
  description?: string;
  rating?: number;
  label?: string;
}

/** What the rules make of one file: its tags, its fields, and a naming violation if any. */
export interface IntakeResult {
  tags: string[];
  fields: IntakeFields;
  /** Why the name breaks the naming convention; null when it does not. */
  violation: string | null;
}

/** Re-applying the rules to a catalog's files: how many changed, as one undoable step. */
export interface IntakeApplyReport {
  assets: number;
  /** Assets whose name breaks the naming convention now. */
  violations: number;
  changed: number;
  step: string | null;
  canUndo: boolean;
  canRedo: boolean;
}
