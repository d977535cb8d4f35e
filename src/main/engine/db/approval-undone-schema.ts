// Migration 21: an undone approval decision stays in the history, marked with when an undo
// took it back (issue #14: "the history keeps every decision"); the state reads only the
// decisions that stand. Redo clears the mark.
export const APPROVAL_UNDONE_SCHEMA = `
      ALTER TABLE approvals ADD COLUMN undone_at INTEGER;
`;
