/** The rendered policy in Germany, France and Spain: wording, amounts, statutory rights and citations. */
import { describe, expect, test } from "vitest";
import { renderPolicy } from "../../../../src/domain/policy/render/render-policy.ts";
import { PRESET_SCHEDULES, type ReturnPolicy } from "../../../../src/domain/policy/return-policy.ts";
import { plain, ruleIds, sectionText } from "./helpers.ts";
import { makePolicy } from "./policy-factory.ts";

const render = (
  country: string,
  region: string | null,
  locale: string,
  currency: string,
  policy: ReturnPolicy | null,
) => renderPolicy({ policy, country, region, locale, currency });

describe("Germany, de-DE: 30-day policy, €4.95 return shipping free from €100, 10 % restocking, final sale excluded", () => {
  const r = render("DE", null, "de-DE", "EUR", makePolicy());
  const text = plain(r.text);

  test("metadata", () => {
    expect(r).toMatchObject({
      country: "DE",
      region: null,
      locale: "de-DE",
      requestedLocale: "de-DE",
      currency: "EUR",
      jurisdiction: "DE",
      policy: { id: "pol_standard", version: 3 },
    });
  });

  test("the merchant window and the longer-or-parallel statutory right", () => {
    expect(sectionText(r, "window")).toContain("Die Rückgabefrist beträgt 30 Tage ab Lieferung.");
    expect(sectionText(r, "window")).toContain("Zusätzlich gilt Ihr gesetzliches Widerrufsrecht (14 Tage)");
  });

  test("14 Tage Widerrufsrecht, cited to BGB §§ 355, 356", () => {
    const rights = sectionText(r, "statutory_rights");
    expect(rights).toContain("Sie haben ein gesetzliches Widerrufsrecht");
    expect(rights).toContain(
      "Die Widerrufsfrist beträgt 14 Tage. [BGB §§ 312g(1), 355(1); BGB § 356(2) Nr. 1]",
    );
    expect(rights).toContain(
      "Die Frist beginnt an dem Tag, nachdem Sie die letzte Ware Ihrer Bestellung erhalten haben.",
    );
    expect(rights).toContain("Fällt der letzte Tag auf einen Samstag, Sonntag oder gesetzlichen Feiertag");
    expect(rights).toContain("verlängert sich die Frist um 12 Monate. [BGB § 356(3)]");
    expect(rights).toContain("spätestens 14 Tage nach Eingang Ihres Widerrufs beim Verkäufer");
    const cited = r.sections.find((s) => s.id === "statutory_rights")?.citations ?? [];
    expect(cited).toContainEqual({
      ruleId: "de.bgb.withdrawal.period",
      citation: "BGB § 356(2) Nr. 1",
      url: expect.stringContaining("bgb"),
      confidence: "verified",
    });
    expect(cited.map((c) => c.ruleId)).toEqual(
      expect.arrayContaining([
        "de.bgb.withdrawal.right",
        "de.bgb.withdrawal.not_informed",
        "de.bgb.withdrawal.refund",
      ]),
    );
  });

  test("the restocking fee never applies to a withdrawal or a faulty item", () => {
    const refunds = sectionText(r, "refunds");
    expect(refunds).toContain("Wiedereinlagerungsgebühr von 10 % des Artikelpreises");
    expect(refunds).toContain(
      "Bei einem Widerruf im Rahmen Ihres gesetzlichen Widerrufsrechts sowie bei mangelhaften, beschädigten oder falsch gelieferten Artikeln fällt sie nie an.",
    );
    expect(refunds).toContain("(bis zur Höhe der günstigsten Standardlieferung)");
  });

  test("amounts in euro, formatted for German", () => {
    expect(text).toContain("Die Rücksendung kostet 4,95 €.");
    expect(text).toContain("Ab einem Bestellwert von 100,00 € ist die Rücksendung kostenlos.");
  });

  test("final sale is excluded by the shop, but the law does not exclude it from a withdrawal", () => {
    const nr = sectionText(r, "non_returnable");
    expect(nr).toContain("Von der Rückgabe ausgeschlossen sind: als „Final Sale“ verkaufte Artikel.");
    expect(nr).toMatch(
      /dennoch im Rahmen Ihres gesetzlichen Widerrufsrechts \(14 Tage\) zurückgeben: als „Final Sale“/,
    );
    expect(nr).toContain("immer durch die gesetzliche Gewährleistung abgedeckt");
  });

  test("legal guarantee: 2 years, merchant pays return shipping, unverified facts marked", () => {
    const g = sectionText(r, "legal_guarantee");
    expect(g).toContain(
      "Die gesetzliche Gewährleistung für mangelhafte Ware beträgt 2 Jahre. [BGB § 438(1) Nr. 3] (nicht verifiziert)",
    );
    expect(g).toContain("Die Kosten der Rücksendung mangelhafter Ware trägt der Verkäufer.");
  });
});

describe("Germany, cancellation schedule", () => {
  test("the moderate preset, in German", () => {
    const policy = makePolicy({ cancellation: { preset: "moderate", tiers: PRESET_SCHEDULES.moderate } });
    const r = render("DE", null, "de-DE", "EUR", policy);
    expect(sectionText(r, "cancellation").split("\n")).toEqual([
      "Bestellungen von Waren, die noch nicht versandt wurden, können Sie gegen volle Erstattung stornieren.",
      "Volle Erstattung bei Stornierung einer Buchung mindestens 5 Tage vor Beginn.",
      "Erstattung von 50 % bei Stornierung einer Buchung mindestens 1 Tag vor Beginn.",
      "Keine Erstattung bei späterer Stornierung.",
    ]);
  });
});

describe("France and Spain", () => {
  test("FR, fr-FR: droit de rétractation de 14 jours, secondary facts marked", () => {
    const r = render("FR", null, "fr-FR", "EUR", makePolicy());
    expect(r.locale).toBe("fr-FR");
    const rights = sectionText(r, "statutory_rights");
    expect(rights).toContain("Vous disposez d'un droit de rétractation légal");
    expect(rights).toContain("dans un délai de 14 jours. [Code de la consommation L221-18]");
    expect(rights).toMatch(
      /au plus tard 14 jours après .*\[Code de la consommation L221-24\] \(source secondaire\)/,
    );
    expect(sectionText(r, "window")).toContain("dans un délai de 30 jours à compter de la livraison");
    expect(plain(r.text)).toContain("Les frais de retour s'élèvent à 4,95 €.");
    expect(ruleIds(r, "statutory_rights")).toContain("fr.conso.withdrawal.period");
  });

  test("ES, es-ES: derecho de desistimiento de 14 días", () => {
    const r = render("ES", null, "es-ES", "EUR", makePolicy());
    const rights = sectionText(r, "statutory_rights");
    expect(rights).toContain("Tiene un derecho legal de desistimiento");
    expect(rights).toContain(
      "en un plazo de 14 días. [TRLGDCU arts 102-108; TRLGDCU art. 104 (14 días naturales)] (fuente secundaria)",
    );
    expect(sectionText(r, "legal_guarantee")).toContain("dura 3 años");
    expect(sectionText(r, "refunds")).toContain(
      "Nunca se aplica al ejercicio de su derecho legal de desistimiento",
    );
    expect(plain(r.text)).toContain("El envío de la devolución cuesta 4,95 €.");
  });
});
