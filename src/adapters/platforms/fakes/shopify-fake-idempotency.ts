/** A GraphQL answer: data, or top-level errors (with `extensions.code`, as Shopify sends them). */
export type GraphQlAnswer =
  | { readonly data: unknown }
  | { readonly errors: { message: string; extensions: { code: string } }[] };

export const topError = (code: string, message: string): GraphQlAnswer => ({
  errors: [{ message, extensions: { code } }],
});

/**
 * Shopify's idempotency rules for a mutation (https://shopify.dev/docs/api/usage/implementing-idempotency):
 * the `@idempotent(key:)` directive is required (2026-04 on); the same key with the same input answers
 * the first result and does nothing again; the same key with other input is
 * IDEMPOTENCY_KEY_PARAMETER_MISMATCH; a key whose request was refused (`refused` of its payload) is
 * spent (IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED).
 */
export class IdempotentMutation<P> {
  private readonly keys = new Map<string, { input: string; payload: P | null }>();
  constructor(
    private readonly field: string,
    private readonly refused: (payload: P) => boolean,
  ) {}

  run(input: unknown, key: string | null, act: () => P): GraphQlAnswer {
    if (!key) return topError("BAD_REQUEST", "The @idempotent directive is required for this mutation.");
    const given = JSON.stringify(input);
    const seen = this.keys.get(key);
    if (seen && seen.input !== given)
      return topError(
        "IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
        "The same idempotency key cannot be used with different operation parameters.",
      );
    if (seen && seen.payload === null)
      return topError(
        "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED",
        "A previous request with this idempotency key failed. Retry with a new idempotency key.",
      );
    if (seen) return { data: { [this.field]: seen.payload } };
    const payload = act();
    this.keys.set(key, { input: given, payload: this.refused(payload) ? null : payload });
    return { data: { [this.field]: payload } };
  }
}

/** The `@idempotent(key:)` of a document: a literal, or the variable it names. */
export function idempotencyKeyOf(query: string, variables: Record<string, unknown>): string | null {
  const m = /@idempotent\(\s*key:\s*(?:\$(\w+)|"([^"]*)")\s*\)/.exec(query);
  if (!m) return null;
  if (m[2] !== undefined) return m[2];
  const v = variables[m[1] ?? ""];
  return typeof v === "string" && v ? v : null;
}
