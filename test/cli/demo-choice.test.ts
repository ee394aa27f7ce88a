import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/cli/config.ts";

describe("the demo merchant (public API key) is seeded only where nobody else can reach it", () => {
  it("seeds by default on a loopback address with the embedded database", () => {
    for (const HOST of [undefined, "127.0.0.1", "localhost", "::1"]) {
      const c = readConfig(HOST ? { HOST } : {});
      expect(c.demo).toBe(true);
      expect(c.demoRefusal).toBeNull();
    }
  });

  it("refuses, with a message naming CROSSBACK_DEMO=1, on a public address or on DATABASE_URL", () => {
    const open = readConfig({ HOST: "0.0.0.0" });
    expect(open.demo).toBe(false);
    expect(open.demoRefusal).toContain("listening on 0.0.0.0");
    expect(open.demoRefusal).toContain("CROSSBACK_DEMO=1");
    const server = readConfig({ DATABASE_URL: "postgres://db.example/crossback" });
    expect(server.demo).toBe(false);
    expect(server.demoRefusal).toContain("on DATABASE_URL");
  });

  it("seeds anywhere with CROSSBACK_DEMO=1 and nowhere with CROSSBACK_DEMO=0", () => {
    const env = { HOST: "0.0.0.0", DATABASE_URL: "postgres://db.example/crossback" };
    expect(readConfig({ ...env, CROSSBACK_DEMO: "1" })).toMatchObject({ demo: true, demoRefusal: null });
    expect(readConfig({ CROSSBACK_DEMO: "0" })).toMatchObject({ demo: false, demoRefusal: null });
  });
});
