/** What makes a model unreadable as a whole: the asset's error says it. */
export class ModelReadError extends Error {
  override name = 'ModelReadError';
}
