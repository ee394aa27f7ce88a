/** `src/domain` narrows types with guards and parsers, never with `as` (CODE_STYLE.md). */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Every `x as T` and `<T>x` except `as const`, as "file:line: text". */
function castsIn(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const cast = ts.isAsExpression(node) || ts.isTypeAssertionExpression(node);
    const isConst = cast && ts.isTypeReferenceNode(node.type) && node.type.getText(source) === "const";
    if (cast && !isConst) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${relative(ROOT, path)}:${line + 1}: ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("src/domain", () => {
  it("finds a cast when there is one (the check itself works)", () => {
    expect(castsIn("x.ts", "const a = b as string; const c = [1] as const; const d = <number>e;")).toEqual([
      "x.ts:1: b as string",
      "x.ts:1: <number>e",
    ]);
  });

  it("has no `as` casts", () => {
    const casts = files(join(ROOT, "src/domain")).flatMap((f) => castsIn(f, readFileSync(f, "utf8")));
    expect(casts).toEqual([]);
  });
});
