/** reference/statutory/README.md lists exactly the rules still tagged `unverified`. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { unverifiedRules } from "../../../scripts/list-unverified.ts";

it("the README's list of unverified rules matches the packs", () => {
  const readme = readFileSync(join(import.meta.dirname, "../../../reference/statutory/README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("<!-- unverified:start -->"),
    readme.indexOf("<!-- unverified:end -->"),
  );
  const listed = [...section.matchAll(/^\| [A-Z-]+ \| `([^`]+)` \|/gm)].map((m) => m[1]);
  expect(listed).toEqual(unverifiedRules().map((r) => r.ruleId));
  expect(listed.length).toBeGreaterThan(0);
});
