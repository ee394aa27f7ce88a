import { afterAll, beforeAll, expect, it } from "vitest";
import { checkDelays } from "../../src/app/logistics/tracking.ts";
import { drainCase } from "../../src/app/notify/outbox-relay.ts";
import { describeEachDb } from "../support/databases.ts";
import { emailHarness } from "../support/email-harness.ts";
import { call } from "../support/fixtures.ts";
import { DAY } from "../support/harness.ts";
import { setUpLogistics } from "./logistics-fixtures.ts";

type Setup = Awaited<ReturnType<typeof emailHarness>>;

describeEachDb("e-mail to shoppers: label ready and delays (SMTP)", (kind) => {
  let s: Setup;
  beforeAll(async () => {
    s = await emailHarness(kind);
    await setUpLogistics(s.h, s.auth);
  });
  afterAll(() => s.close());

  it("a QR drop-off label, then a parcel running late, in German", async () => {
    const c = await s.newCase("de-DE");
    expect((await call(s.h.app, s.auth, "POST", `/api/v1/returns/${c.id}/approve`, {})).status).toBe(200);
    const label = await call(s.h.app, s.auth, "POST", `/api/v1/returns/${c.id}/shipments`, {
      method: "qr_dropoff",
    });
    expect(label.status, JSON.stringify(label.body)).toBe(201);
    expect(await drainCase(s.h.deps, c.id)).toEqual({ status: "settled" });
    const ready = s.to(c.email).find((m) => m.subject === `Ihr Rücksendeetikett für ${c.number} ist bereit`);
    // A built-in label has no carrier or tracking number yet: the e-mail does not name any.
    expect(ready?.text).toContain("Ihr Rücksendeetikett ist bereit. Drucken Sie das Etikett aus");
    expect(ready?.text).not.toContain("Sendungsnummer");

    s.h.clock.advance(60 * DAY);
    const shipments = await s.h.deps.store.read.shipments.byCase(s.merchantId, c.id);
    expect(await checkDelays(s.h.deps, shipments)).toBe(1);
    expect(await drainCase(s.h.deps, c.id)).toEqual({ status: "settled" });
    const late = s.to(c.email).find((m) => m.subject === `Ihre Rücksendung ${c.number} verzögert sich`);
    expect(late?.text).toMatch(/braucht länger als erwartet \(\d+ Tage Verspätung\)/);
    expect(String(late?.html)).toContain('<html lang="de" dir="ltr">');
  });
});
