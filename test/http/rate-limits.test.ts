import { afterAll, beforeAll, expect, it } from "vitest";
import { readConfig } from "../../src/cli/config.ts";
import { describeEachDb } from "../support/databases.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** Issue 8 point 12: the merchant API answers 429 with Retry-After per API key and per IP. */
describeEachDb("merchant API rate limits", (kind) => {
  let h: Harness;
  let acme: string;
  let globex: string;
  beforeAll(async () => {
    h = await startHarness(kind, { rateLimits: { perKey: 5, perIp: 12, windowMs: 60_000 } });
    acme = (await merchantWithKey(h.deps, "acme")).auth;
    globex = (await merchantWithKey(h.deps, "globex")).auth;
  });
  afterAll(() => h.close());

  const get = (auth: string | null, ip: string) =>
    h.app.inject({
      method: "GET",
      url: "/api/v1/settings",
      remoteAddress: ip,
      headers: auth ? { authorization: auth } : {},
    });

  it("limits each API key: the 6th request in the window is 429 with Retry-After; another key is unaffected", async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await get(acme, `10.0.0.${i + 1}`));
    expect(answers.slice(0, 5).map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const limited = answers[5];
    expect(limited?.statusCode).toBe(429);
    expect(limited?.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(Number(limited?.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited?.json()).toMatchObject({ code: "rate_limited", scope: "api_key" });
    expect((await get(globex, "10.0.0.1")).statusCode).toBe(200);
  });

  it("limits each address, also for unknown keys (guessing keys is throttled before they are checked)", async () => {
    const ip = "192.0.2.7";
    const codes = [];
    for (let i = 0; i < 13; i++) codes.push((await get(`Bearer cb_guess_${i}`, ip)).statusCode);
    expect(codes.slice(0, 12).every((c) => c === 401)).toBe(true);
    expect(codes[12]).toBe(429);
    const res = await get(globex, ip);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ scope: "ip" });
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expect((await get(globex, "192.0.2.8")).statusCode).toBe(200);
  });

  it("is configured from the environment (0 turns a limit off)", () => {
    expect(readConfig({}).rateLimits).toEqual({ perIp: 1200, perKey: 600, windowMs: 60_000 });
    expect(
      readConfig({ CROSSBACK_RATE_LIMIT_PER_KEY: "0", CROSSBACK_RATE_LIMIT_PER_IP: "50" }).rateLimits,
    ).toMatchObject({ perKey: 0, perIp: 50 });
    expect(() => readConfig({ CROSSBACK_RATE_LIMIT_PER_KEY: "lots" })).toThrow(
      /CROSSBACK_RATE_LIMIT_PER_KEY/,
    );
  });
});
