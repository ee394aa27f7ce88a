import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Long files first, so that two workers finish together on a clean CI machine (no timing cache):
 * the ones that start child processes or a browser, then the fuzzing, then the rest by size.
 */
const FIRST = [/\/test\/reliability\//, /\/test\/cli\//, /\/fuzz\.test\.ts$/, /\/test\/browser\//];

const rank = (file: string): number => {
  const i = FIRST.findIndex((re) => re.test(file));
  return i === -1 ? FIRST.length : i;
};

export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const bySize = await super.sort(files);
    const position = new Map(bySize.map((f, i) => [f, i]));
    return [...bySize].sort(
      (a, b) => rank(a.moduleId) - rank(b.moduleId) || (position.get(a) ?? 0) - (position.get(b) ?? 0),
    );
  }
}
