/**
 * Every POST of the API runs its use case on the store `sendIdempotent` hands it, so the use case's
 * own transaction stores the idempotent response: a crash after the commit can never run it twice.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROUTES = join(import.meta.dirname, "../../src/http/routes");

/** `sendIdempotent(deps, req, reply, run, present)` calls whose `run` ignores its deps or uses the outer ones. */
function bypasses(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText(source) === "sendIdempotent") {
      const run = node.arguments[3];
      const param = run && ts.isArrowFunction(run) ? run.parameters[0]?.name.getText(source) : undefined;
      const names: string[] = [];
      const collect = (n: ts.Node): void => {
        if (ts.isIdentifier(n)) names.push(n.text);
        ts.forEachChild(n, collect);
      };
      if (run && ts.isArrowFunction(run)) collect(run.body);
      if (!param || !names.includes(param) || names.includes("deps")) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${basename(path)}:${line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("idempotent POST routes", () => {
  it("finds a route that runs its use case on the outer deps (the check itself works)", () => {
    const bad = "sendIdempotent(deps, req, reply, () => redeem(deps, id), present);";
    const good = "sendIdempotent(deps, req, reply, (d) => redeem(d, id), present);";
    expect([bypasses("x.ts", bad), bypasses("y.ts", good)]).toEqual([["x.ts:1"], []]);
  });

  it("all run their use case on the store that records the response in the same transaction", () => {
    const files = readdirSync(ROUTES).filter((f) => f.endsWith(".ts"));
    const found = files.flatMap((f) => bypasses(join(ROUTES, f), readFileSync(join(ROUTES, f), "utf8")));
    expect(found).toEqual([]);
  });
});
