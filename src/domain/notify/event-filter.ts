/**
 * Whether an endpoint subscribed to `filters` wants an event of `type`: an empty list means every
 * event; `return.approved` matches itself, `return.*` every `return.…` type, `*` everything.
 */
export function wantsEvent(filters: readonly string[], type: string): boolean {
  if (filters.length === 0) return true;
  return filters.some(
    (f) => f === "*" || f === type || (f.endsWith(".*") && type.startsWith(f.slice(0, -1))),
  );
}

const FILTER = /^(\*|[a-z_]+\.(\*|[a-z_]+))$/;

/** A filter is `*`, `family.*` or a full event type (lower case, dotted). */
export function isEventFilter(f: string): boolean {
  return FILTER.test(f);
}
