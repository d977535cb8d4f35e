// Migration 26 (issue #13): whether the grid thumbnail's border band is opaque pure white
// all round (1) or not (0), as indexing measured it beside white_bg. Export decides a
// white-background pass from it when it plans, instead of decoding the source to look at
// its border. NULL: indexed before this column (export then decodes and looks, as before).
export const WHITE_BORDER_SCHEMA = `
      ALTER TABLE assets ADD COLUMN pure_white_border INTEGER;
`;
