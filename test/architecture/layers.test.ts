/**
 * The layer rule (ARCHITECTURE.md), checked from the files themselves as a second guard beside Biome's
 * `noRestrictedImports`: src/domain imports nothing of ours outside itself (but the data files in
 * reference/, JSON) and no Node built-in;
 * src/app, src/http and src/jobs never import src/adapters; and src/http never reads the store itself
 * (`store.read…`): route reads go through src/app, which takes the merchant id and scopes the read.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every module a file names: imports, re-exports, `import()` calls and `import("…")` types. */
function specifiersIn(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) found.push(arg.text);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) found.push(arg.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** "file: specifier" for each import of `path` that breaks `allowed` (given the resolved target). */
function violations(
  path: string,
  text: string,
  allowed: (spec: string, target: string | null) => boolean,
): string[] {
  return specifiersIn(path, text)
    .filter((spec) => !allowed(spec, spec.startsWith(".") ? resolve(dirname(path), spec) : null))
    .map((spec) => `${relative(ROOT, path)}: ${spec}`);
}

const inside = (target: string | null, folder: string) =>
  target !== null && `${target}/`.startsWith(`${join(ROOT, folder)}/`);

const domainRule = (spec: string, target: string | null) =>
  target === null
    ? !spec.startsWith("node:")
    : inside(target, "src/domain") || (inside(target, "reference") && target.endsWith(".json"));
const noAdapters = (_spec: string, target: string | null) => !inside(target, "src/adapters");

function check(folder: string, rule: (spec: string, target: string | null) => boolean): string[] {
  return files(join(ROOT, folder)).flatMap((f) => violations(f, readFileSync(f, "utf8"), rule));
}

/** "file:line" for each `<…>store.read` (or `{ read } = <…>store`) in a file: a read around src/app. */
function storeReads(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const isStore = (e: ts.Expression) =>
    (ts.isIdentifier(e) && e.text === "store") ||
    (ts.isPropertyAccessExpression(e) && e.name.text === "store");
  const found: string[] = [];
  const at = (node: ts.Node) =>
    `${relative(ROOT, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === "read" && isStore(node.expression))
      found.push(at(node));
    else if (
      ts.isVariableDeclaration(node) &&
      node.initializer &&
      isStore(node.initializer) &&
      ts.isObjectBindingPattern(node.name) &&
      node.name.elements.some((b) => (b.propertyName ?? b.name).getText(source) === "read")
    )
      found.push(at(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("layers", () => {
  it("finds a breach when there is one (the check itself works)", () => {
    const domainFile = join(ROOT, "src/domain/x.ts");
    const text = [
      'import { a } from "./money.ts";',
      'import type { B } from "../app/ports/index.ts";',
      'import { readFileSync } from "node:fs";',
      'import { z } from "zod";',
      'import eu from "../../reference/statutory/eu.json" with { type: "json" };',
      'import { g } from "../../reference/tool.ts";',
      'export { c } from "../adapters/db/store.ts";',
      'type D = import("../http/server.ts").E;',
      'const f = await import("../cli/main.ts");',
    ].join("\n");
    expect(violations(domainFile, text, domainRule)).toEqual([
      "src/domain/x.ts: ../app/ports/index.ts",
      "src/domain/x.ts: node:fs",
      "src/domain/x.ts: ../../reference/tool.ts",
      "src/domain/x.ts: ../adapters/db/store.ts",
      "src/domain/x.ts: ../http/server.ts",
      "src/domain/x.ts: ../cli/main.ts",
    ]);
    const httpFile = join(ROOT, "src/http/routes/x.ts");
    expect(
      violations(
        httpFile,
        'import { p } from "../../adapters/documents/pdf.ts";\nimport "../x.ts";',
        noAdapters,
      ),
    ).toEqual(["src/http/routes/x.ts: ../../adapters/documents/pdf.ts"]);
  });

  it("src/domain imports nothing of ours outside itself and no Node built-in", () => {
    expect(check("src/domain", domainRule)).toEqual([]);
  });

  it.each(["src/app", "src/http", "src/jobs"])("%s never imports src/adapters", (folder) => {
    expect(check(folder, noAdapters)).toEqual([]);
  });

  it("finds a store read in a route when there is one (the check itself works)", () => {
    const httpFile = join(ROOT, "src/http/routes/x.ts");
    const text = [
      "const a = await deps.store.read.cases.load(m, id);",
      "const { read } = deps.store;",
      "const b = await getReturn(deps, m, id);",
      "const c = PORTAL_RATE.read;",
      "const d = store.read;",
    ].join("\n");
    expect(storeReads(httpFile, text)).toEqual([
      "src/http/routes/x.ts:1",
      "src/http/routes/x.ts:2",
      "src/http/routes/x.ts:5",
    ]);
  });

  it("src/http never reads the store itself (its reads go through src/app, scoped to the merchant)", () => {
    const dir = join(ROOT, "src/http");
    expect(files(dir).flatMap((f) => storeReads(f, readFileSync(f, "utf8")))).toEqual([]);
  });
});
