import fc from "fast-check";

/** The subset of JSON Schema (2020-12, as the OpenAPI document emits it) the fuzzer understands. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly prefixItems?: readonly JsonSchema[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly propertyNames?: JsonSchema;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Values that break naive code: huge, negative, fractional, overlong, of the wrong type. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    3_000_000_000,
    -3_000_000_000,
    MAX_SAFE,
    MAX_SAFE + 2,
    1e308,
    -1,
    0,
    0.5,
    "",
    " ",
    "9".repeat(40),
    `${"9".repeat(30)}.99`,
    "1e400",
    "NaN",
    "-0",
    "\u0000",
    "x".repeat(5000),
    null,
    true,
    {},
    [],
    [[[[[]]]]],
  ),
  fc.array(fc.constant("x"), { minLength: 1001, maxLength: 1500 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 50 }),
  fc.integer(),
  fc.double(),
);

function dateTime(): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date("1900-01-01T00:00:00Z"),
      max: new Date("2999-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString());
}

function stringOf(s: JsonSchema): fc.Arbitrary<string> {
  switch (s.format) {
    case "uuid":
      return fc.uuid();
    case "email":
      return fc.emailAddress();
    case "date-time":
      return dateTime();
    case "date":
      return dateTime().map((d) => d.slice(0, 10));
  }
  if (s.pattern) {
    const minLength = s.minLength ?? 0;
    const maxLength = s.maxLength ?? Number.POSITIVE_INFINITY;
    return fc
      .stringMatching(new RegExp(s.pattern))
      .map((v) => (v.length > maxLength ? v.slice(0, maxLength) : v))
      .filter((v) => v.length >= minLength);
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 300) });
}

function numberOf(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -MAX_SAFE);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : MAX_SAFE);
  if (integer) return fc.integer({ min: Math.max(min, -MAX_SAFE), max: Math.min(max, MAX_SAFE) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectOf(s: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) record[k] = arbitraryOf(v, depth + 1);
  const required = (s.required ?? []).filter((k) => k in props);
  const known = fc.record(record, { requiredKeys: required });
  if (typeof s.additionalProperties !== "object" || Object.keys(props).length > 0) return known;
  const values = arbitraryOf(s.additionalProperties, depth + 1);
  const keys = s.propertyNames ? stringOf(s.propertyNames) : fc.string({ minLength: 1, maxLength: 10 });
  return fc.dictionary(keys, values, { maxKeys: 4 });
}

/** Values that (mostly) satisfy the schema, biased to its edges (fast-check favours the bounds). */
export function arbitraryOf(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => arbitraryOf(a, depth + 1)));
  if (s.allOf?.[0]) return arbitraryOf(s.allOf[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      return stringOf(s);
    case "integer":
      return numberOf(s, true);
    case "number":
      return numberOf(s, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((p) => arbitraryOf(p, depth + 1)));
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? minLength + 3, minLength + 3);
      return fc.array(arbitraryOf(s.items ?? {}, depth + 1), { minLength, maxLength });
    }
    case "object":
      return objectOf(s, depth);
    default:
      return s.properties ? objectOf(s, depth) : fc.jsonValue({ maxDepth: 2 });
  }
}

/** Replaces one value somewhere inside `value` (or `value` itself) with a hostile one. */
export function corrupt(value: unknown, pick: number, replacement: unknown): unknown {
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        slots.push({ parent: v, key: i });
        walk(item);
      });
    } else if (v && typeof v === "object") {
      for (const [k, item] of Object.entries(v)) {
        slots.push({ parent: v as Record<string, unknown>, key: k });
        walk(item);
      }
    }
  };
  const copy = structuredClone(value);
  walk(copy);
  if (slots.length === 0) return replacement;
  const slot = slots[pick % slots.length];
  if (!slot) return replacement;
  (slot.parent as Record<string | number, unknown>)[slot.key] = replacement;
  return copy;
}
