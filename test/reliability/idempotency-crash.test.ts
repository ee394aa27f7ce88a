import { afterAll, beforeAll, expect, it } from "vitest";
import { killHard, serve } from "../support/cli.ts";
import { cliEnvironment, merchantAndKeyFor } from "../support/cli-env.ts";
import { describeEachDb } from "../support/databases.ts";
import { orderJson } from "../support/fixtures.ts";
import { http, type Json } from "../support/http-client.ts";

/** Resolves when the server process has died (here: killed itself at the fault point). */
const died = (child: { once: (e: "exit", f: () => void) => void; exitCode: number | null }) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));

describeEachDb(
  "kill -9 between a POST's commit and its stored answer: a retry never runs it twice",
  (kind) => {
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;
    let auth: string;
    beforeAll(async () => {
      ({ env, cleanup } = await cliEnvironment(kind));
      env = { ...env, CROSSBACK_IDEMPOTENCY_IN_FLIGHT_MS: "500" };
      auth = await merchantAndKeyFor(env, "acme");
    });
    afterAll(() => cleanup());

    const keyed = (base: string, path: string, key: string, body: unknown) =>
      fetch(base + path, {
        method: "POST",
        headers: { authorization: auth, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(body),
      });

    it("store credit redeemed once, the retry answers the first response", async () => {
      let server = await serve(env);
      const policy = {
        name: "Store credit at approval",
        scope: { countries: ["*"] },
        window: { days: 3650 },
        resolutions: ["refund", "store_credit"],
        refundTrigger: "approval",
      };
      expect((await http(server.base, auth, "PUT", "/api/v1/policies/default", policy)).status).toBeLessThan(
        300,
      );
      const o = orderJson({ tenders: [{ kind: "card", provider: null, reference: "x", amount: "124.60" }] });
      expect((await http(server.base, auth, "PUT", "/api/v1/orders/SC-1", o)).status).toBe(201);
      const c = await http(server.base, auth, "POST", "/api/v1/returns", {
        orderExternalId: "SC-1",
        lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
        requestedResolution: "store_credit",
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      expect((await http(server.base, auth, "POST", `/api/v1/returns/${c.body.id}/approve`, {})).status).toBe(
        200,
      );
      const customer = c.body.customerId as string;
      const balance = async (base: string) =>
        (
          (await http(base, auth, "GET", `/api/v1/customers/${customer}/store-credit`)).body
            .balances as Json[]
        )[0];
      const before = await balance(server.base);
      expect(before?.amount).toMatch(/^\d+\.\d\d$/);
      await killHard(server);

      server = await serve({ ...env, CROSSBACK_FAULT: "before_idempotent_finish" });
      const exited = died(server.child);
      const redeem = { amount: "10.00", currency: "EUR", reference: "ORDER-77" };
      await keyed(
        server.base,
        `/api/v1/customers/${customer}/store-credit/redeem`,
        "redeem-77",
        redeem,
      ).catch(
        () => null, // the process dies before it answers
      );
      await exited;

      server = await serve(env);
      try {
        await new Promise((r) => setTimeout(r, 700)); // past the in-flight limit: a dead claim may be taken over
        const retry = await keyed(
          server.base,
          `/api/v1/customers/${customer}/store-credit/redeem`,
          "redeem-77",
          redeem,
        );
        const body = (await retry.json()) as Json;
        expect([retry.status, retry.headers.get("idempotent-replayed"), body.redeemed]).toEqual([
          200,
          "true",
          { amount: "10.00", currency: "EUR" },
        ]);
        const after = await balance(server.base);
        expect(Math.round(Number(before?.amount) * 100) - Math.round(Number(after?.amount) * 100)).toBe(
          1_000,
        );
      } finally {
        await killHard(server);
      }
    });
  },
);
