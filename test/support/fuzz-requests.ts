import fc from "fast-check";
import { arbitraryOf, corrupt, hostile, type JsonSchema } from "./schema-arbitrary.ts";

/** One operation of the OpenAPI document, as the fuzzer needs it. */
export interface FuzzRoute {
  readonly method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  readonly path: string;
  readonly params: readonly { name: string; in: string; schema: JsonSchema; required: boolean }[];
  readonly body: JsonSchema | null;
}

interface OpenApi {
  readonly paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema: JsonSchema; required?: boolean }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

export function routesOf(doc: unknown): FuzzRoute[] {
  const out: FuzzRoute[] = [];
  for (const [path, ops] of Object.entries((doc as OpenApi).paths)) {
    for (const [method, op] of Object.entries(ops)) {
      out.push({
        method: method.toUpperCase() as FuzzRoute["method"],
        path,
        params: (op.parameters ?? []).map((p) => ({ ...p, required: p.required ?? false })),
        body: op.requestBody?.content?.["application/json"]?.schema ?? null,
      });
    }
  }
  return out;
}

export interface FuzzRequest {
  readonly url: string;
  readonly payload: string | null;
  readonly contentType: string;
}

const MALFORMED = [
  "{",
  '{"a":',
  '{"a":1}}',
  "[1,2",
  "nul",
  "\u0000",
  "{'single':'quotes'}",
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
  `{"x":"${"y".repeat(100_000)}"}`,
  "1e999999",
];

/** A hostile or well-formed value for a path or query parameter, or a known id of the fixture. */
function paramValue(p: FuzzRoute["params"][number], known: Record<string, readonly string[]>) {
  const ids = known[p.name] ?? [];
  const alternatives: fc.Arbitrary<unknown>[] = [arbitraryOf(p.schema), hostile];
  if (ids.length > 0) alternatives.push(fc.constantFrom(...ids), fc.constantFrom(...ids));
  return fc.oneof(...alternatives).map((v) => (typeof v === "string" ? v : (JSON.stringify(v) ?? "x")));
}

function bodyOf(route: FuzzRoute): fc.Arbitrary<{ payload: string | null; contentType: string }> {
  const json = (v: unknown) => ({ payload: JSON.stringify(v) ?? "null", contentType: "application/json" });
  if (!route.body) {
    return fc.oneof(
      fc.constant({ payload: null, contentType: "application/json" }),
      hostile.map(json),
      fc.constantFrom(...MALFORMED).map((payload) => ({ payload, contentType: "application/json" })),
    );
  }
  const valid = arbitraryOf(route.body);
  return fc.oneof(
    { weight: 4, arbitrary: valid.map(json) },
    {
      weight: 4,
      arbitrary: fc.tuple(valid, fc.nat(), hostile).map(([v, pick, bad]) => json(corrupt(v, pick, bad))),
    },
    { weight: 1, arbitrary: hostile.map(json) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...MALFORMED)
        .map((payload) => ({ payload, contentType: "application/json" })),
    },
    { weight: 1, arbitrary: fc.string().map((payload) => ({ payload, contentType: "text/plain" })) },
  );
}

/** Requests for one route: parameters (known ids, schema values, hostile values) and a body. */
export function requestsFor(
  route: FuzzRoute,
  known: Record<string, readonly string[]>,
): fc.Arbitrary<FuzzRequest> {
  const params = route.params.map((p) =>
    p.in === "path" || p.required
      ? paramValue(p, known).map((v) => [p, v] as const)
      : fc.option(paramValue(p, known), { nil: undefined }).map((v) => [p, v] as const),
  );
  return fc.tuple(fc.tuple(...params), bodyOf(route)).map(([values, body]) => {
    let url = route.path;
    const query = new URLSearchParams();
    for (const [p, v] of values) {
      if (v === undefined) continue;
      if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(v || "x"));
      else if (p.in === "query") query.append(p.name, v);
    }
    const qs = query.toString();
    return { url: qs ? `${url}?${qs}` : url, ...body };
  });
}
