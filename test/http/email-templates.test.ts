import { afterAll, beforeAll, expect, it } from "vitest";
import { drainCase } from "../../src/app/notify/outbox-relay.ts";
import { sendShipByReminders } from "../../src/app/notify/ship-by-reminders.ts";
import { describeEachDb } from "../support/databases.ts";
import { emailHarness } from "../support/email-harness.ts";
import { call, type Json } from "../support/fixtures.ts";
import { DAY } from "../support/harness.ts";

type Setup = Awaited<ReturnType<typeof emailHarness>>;
const URL_DE = "/api/v1/settings/email-templates/approved/de";

describeEachDb("merchants edit shopper e-mails per locale; ship-by reminders", (kind) => {
  let s: Setup;
  beforeAll(async () => {
    s = await emailHarness(kind);
  });
  afterAll(() => s.close());
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(s.h.app, s.auth, method, url, body);
  const del = (url: string) => s.h.app.inject({ method: "DELETE", url, headers: { authorization: s.auth } });

  it("lists the e-mails and shows the default template of a locale", async () => {
    const list = await api("GET", "/api/v1/settings/email-templates");
    expect((list.body.kinds as Json[]).map((k) => k.kind)).toHaveLength(12);
    expect(list.body.locales).toHaveLength(14);
    const t = await api("GET", URL_DE);
    expect([t.status, t.body.custom, t.body.updatedAt]).toEqual([200, false, null]);
    expect(t.body.subject).toBe("Ihre Rücksendung {caseNumber} ist genehmigt");
    expect(t.body.variables).toEqual(expect.arrayContaining(["caseNumber", "shipBy", "returnRequired"]));
    expect((await api("GET", "/api/v1/settings/email-templates/approved/xx")).status).toBe(400);
    expect((await api("GET", "/api/v1/settings/email-templates/thanks/de")).status).toBe(400);
  });

  it("refuses a template that is not a valid ICU message, naming the field; nothing changes", async () => {
    const base = (await api("GET", URL_DE)).body;
    const bad = await api("PUT", URL_DE, {
      subject: base.subject,
      html: "<p>{caseNumber</p>",
      text: "{unknown}",
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as Json[]).map((e) => e.path)).toEqual(["html", "text"]);
    const preview = await api("POST", `${URL_DE}/preview`, {
      subject: "{x, plural, one {}}",
      html: "a",
      text: "b",
    });
    expect([preview.status, (preview.body.errors as Json[]).map((e) => e.path)]).toEqual([400, ["subject"]]);
    expect((await api("GET", URL_DE)).body.custom).toBe(false);
  });

  it("an edited template is previewed with sample data, used for the shopper, and reset by DELETE", async () => {
    const edited = {
      subject: "Genehmigt: {caseNumber}",
      html: '<p style="color:#222">Hallo {shopperName}, bitte senden bis {shipBy}.</p>',
      text: "Hallo {shopperName}, bitte senden bis {shipBy}. {shopName}",
    };
    const put = await api("PUT", URL_DE, edited);
    expect([put.status, put.body.custom, put.body.subject]).toEqual([200, true, edited.subject]);
    const preview = await api("POST", `${URL_DE}/preview`);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.subject).toBe("Genehmigt: R-1001");
    expect(preview.body.text).toMatch(/^Hallo Ana Schmidt, bitte senden bis \d+\. \S+ \d{4}\. Example Shop$/);
    expect(preview.body.html).toContain('<html lang="de" dir="ltr">');
    const rtl = await api("POST", "/api/v1/settings/email-templates/refunded/ar/preview");
    expect(rtl.body.html).toContain('<html lang="ar" dir="rtl">');

    const c = await s.newCase("de-DE", { name: "Jo <b>Bold</b>" });
    await api("POST", `/api/v1/returns/${c.id}/approve`, {});
    expect(await drainCase(s.h.deps, c.id)).toEqual({ status: "settled" });
    const mail = s.to(c.email).find((m) => m.subject === `Genehmigt: ${c.number}`);
    expect(mail?.text).toMatch(/^Hallo Jo <b>Bold<\/b>, bitte senden bis/);
    expect(String(mail?.html)).toContain("Hallo Jo &#60;b&#62;Bold&#60;/b&#62;, bitte");

    expect((await del(URL_DE)).statusCode).toBe(204);
    const reset = await api("GET", URL_DE);
    expect([reset.body.custom, reset.body.subject]).toEqual([
      false,
      "Ihre Rücksendung {caseNumber} ist genehmigt",
    ]);
  });

  it("reminds the shopper once before the ship-by date while the parcel has not left", async () => {
    const c = await s.newCase("en");
    const other = await s.newCase("en");
    await api("POST", `/api/v1/returns/${c.id}/approve`, { shipByDays: 5 });
    await api("POST", `/api/v1/returns/${other.id}/approve`, { shipByDays: 5 });
    await api("POST", `/api/v1/returns/${other.id}/ship`, { carrier: "DHL", trackingNumber: "X1" });
    expect((await sendShipByReminders(s.h.deps)).due).toBe(0);
    s.h.clock.advance(3 * DAY);
    expect(await sendShipByReminders(s.h.deps)).toEqual({ due: 1, failed: 0 });
    expect(await sendShipByReminders(s.h.deps)).toEqual({ due: 0, failed: 0 });
    const reminders = s.to(c.email).filter((m) => m.subject?.startsWith("Reminder"));
    expect(reminders.map((m) => m.subject)).toEqual([
      expect.stringMatching(new RegExp(`^Reminder: please send your return ${c.number} by `)),
    ]);
    expect(reminders[0]?.text).toContain("(2 days left)");
    expect(s.to(other.email).filter((m) => m.subject?.startsWith("Reminder"))).toEqual([]);
  });
});
