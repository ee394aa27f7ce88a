import { defineConfig } from "vitest/config";
import { LongFirstSequencer } from "./test/support/sequencer.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // Guards against hangs only (tests never assert on time): generous for a loaded 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: "forks",
    // Each worker loads the server's modules once for all its files (no test mocks modules, stubs
    // globals or the environment): the suite's import time fell from ~380 s to ~26 s.
    isolate: false,
    maxWorkers: 2,
    sequence: { sequencer: LongFirstSequencer },
  },
});
