// Whether a grid refetches on `assets.changed { only: 'ai' }`: the search grammar's
// knowledge of which terms read AI results lives in src/shared/search-fields.ts, shared
// with the engine, whose test proves it against the compiled SQL.
export { queryReadsAi } from '../../../shared/search-fields';
