/**
 * A bounded memo for costly pure constructions (Intl formatters, compiled ICU messages, places): each
 * costs microseconds to hundreds of microseconds to build and nothing to reuse. Keys come from input
 * (locales, currencies, zones, templates), so at most `limit` are kept; past that the oldest is dropped.
 * A construction that gives `undefined` is not kept.
 */
export function boundedMemo<A extends readonly unknown[], V>(
  limit: number,
  keyOf: (...args: A) => string,
  make: (...args: A) => V,
): (...args: A) => V {
  const kept = new Map<string, V>();
  return (...args) => {
    const key = keyOf(...args);
    const found = kept.get(key);
    if (found !== undefined) return found;
    const made = make(...args);
    if (kept.size >= limit) {
      const oldest = kept.keys().next();
      if (!oldest.done) kept.delete(oldest.value);
    }
    kept.set(key, made);
    return made;
  };
}
