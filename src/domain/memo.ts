/**
 * A bounded memo for costly pure constructions (Intl formatters, compiled ICU messages): each costs
 * tens to hundreds of microseconds to build and nothing to reuse. Keys come from input (locales,
 * currencies, templates), so at most `limit` are kept; past that the oldest is dropped.
 */
export function boundedMemo<V>(limit: number, make: (key: string) => V): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    const found = kept.get(key);
    if (found !== undefined) return found;
    const made = make(key);
    if (kept.size >= limit) {
      const oldest = kept.keys().next();
      if (!oldest.done) kept.delete(oldest.value);
    }
    kept.set(key, made);
    return made;
  };
}
