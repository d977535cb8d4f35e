/** Carries a result or payload type without a runtime schema: the engine is trusted. */
export function type<T>(): T {
  return undefined as T;
}
