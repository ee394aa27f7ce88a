import { deLaw } from "./de-law.ts";
import type { Messages } from "./messages.ts";

// Durations are used in the nominative/accusative ("beträgt 14 Tage", "14 Tage nach …").
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const days = (n: number, kind: "calendar" | "business") =>
  kind === "business" ? plural(n, "Arbeitstag", "Arbeitstage") : plural(n, "Tag", "Tage");
const months = (n: number) => plural(n, "Monat", "Monate");

export const de: Messages = {
  titles: {
    window: "Rückgabefrist",
    non_returnable: "Von der Rückgabe ausgeschlossene Artikel",
    how_to_return: "So senden Sie Artikel zurück",
    refunds: "Erstattung",
    statutory_rights: "Ihre gesetzlichen Rechte",
    legal_guarantee: "Gesetzliche Gewährleistung",
    cancellation: "Stornierung",
  },
  marker: { secondary: "(Sekundärquelle)", unverified: "(nicht verifiziert)" },
  days,
  months,
  years: (n) => plural(n, "Jahr", "Jahre"),
  hours: (n) => plural(n, "Stunde", "Stunden"),

  window: (d, from) =>
    `Die Rückgabefrist beträgt ${d} ab ${{ delivery: "Lieferung", shipment: "Versand", order: "Bestellung" }[from]}.`,
  noWindow: "Freiwillige Rückgaben bietet dieser Shop nicht an.",
  holiday: (from, to, by) =>
    `Für Käufe zwischen dem ${from} und dem ${to} verlängert sich die Rückgabefrist bis zum ${by}.`,
  statutoryLonger: (p) => `Die gesetzliche Widerrufsfrist (${p}) ist länger und gilt stattdessen.`,
  statutoryAlso: (p) =>
    `Zusätzlich gilt Ihr gesetzliches Widerrufsrecht (${p}); für jeden Artikel zählt die Frist, die später endet.`,

  flags: {
    finalSale: "als „Final Sale“ verkaufte Artikel",
    personalised: "personalisierte oder nach Kundenwunsch angefertigte Artikel",
    perishable: "schnell verderbliche Waren",
    sealedHygiene: "versiegelte Gesundheits- und Hygieneartikel",
    sealedMedia: "versiegelte Audio- und Videoaufnahmen sowie Software",
    digital: "digitale Inhalte",
  },
  nothingExcluded: "Es sind keine Artikel von der Rückgabe ausgeschlossen.",
  excludedFlags: (l) => `Von der Rückgabe ausgeschlossen sind: ${l}.`,
  excludedCategories: (l) => `Artikel dieser Kategorien sind von der Rückgabe ausgeschlossen: ${l}.`,
  excludedSkus: (l) => `Diese Artikelnummern sind von der Rückgabe ausgeschlossen: ${l}.`,
  moreSkus: (n) => `${n} weitere`,
  lawAlsoExcludes: (l) => `Auch gesetzlich vom Widerrufsrecht ausgeschlossen sind: ${l}.`,
  lawSealedOnly: (l) =>
    `Gesetzlich bleibt ein Widerruf möglich, solange die Versiegelung unbeschädigt ist: ${l}.`,
  lawOverrides: (l, p) =>
    `Da das Gesetz sie nicht ausschließt, können Sie diese Artikel dennoch im Rahmen Ihres gesetzlichen Widerrufsrechts (${p}) zurückgeben: ${l}.`,
  lawOverridesListed: (p) =>
    `Artikel aus ausgeschlossenen Kategorien oder mit ausgeschlossenen Artikelnummern können Sie ebenfalls im Rahmen Ihres gesetzlichen Widerrufsrechts (${p}) zurückgeben, sofern keine gesetzliche Ausnahme greift.`,
  lawMayOverride:
    "Steht Ihnen ein gesetzliches Widerrufsrecht zu (siehe unten), geht es diesen Ausschlüssen vor.",
  faultyAlwaysCovered:
    "Mangelhafte, beschädigte oder falsch gelieferte Artikel sind immer durch die gesetzliche Gewährleistung abgedeckt, auch wenn sie oben ausgeschlossen sind.",

  shipBy: (d) => `Nach Genehmigung Ihrer Rücksendung haben Sie ${d} Zeit, die Artikel abzuschicken.`,
  review: "Wir prüfen jede Rücksendeanfrage, bevor wir sie genehmigen.",
  shippingFree: "Die Rücksendung ist für Sie kostenlos.",
  shippingFee: (f) => `Die Rücksendung kostet ${f}.`,
  shippingPaidByYou: "Die Kosten der Rücksendung tragen Sie.",
  shippingFreeAbove: (a) => `Ab einem Bestellwert von ${a} ist die Rücksendung kostenlos.`,
  reasons: {
    changed_mind: "Meinung geändert",
    wrong_size: "falsche Größe",
    not_as_described: "entspricht nicht der Beschreibung",
    defective: "defekt",
    damaged_in_transit: "beim Versand beschädigt",
    wrong_item: "falscher Artikel geliefert",
    arrived_late: "zu spät geliefert",
    no_longer_needed: "nicht mehr benötigt",
    other: "sonstige Gründe",
  },
  reasonsAccepted: (l) => `Nach dieser Richtlinie sind Rücksendungen aus folgenden Gründen möglich: ${l}.`,
  reasonNotNeeded:
    "Für einen Widerruf im Rahmen Ihres gesetzlichen Widerrufsrechts brauchen Sie keinen Grund.",
  photos: (l) => `Bitte fügen Sie Fotos bei, wenn der Grund lautet: ${l}.`,

  resolutions: {
    refund: "Erstattung auf das ursprüngliche Zahlungsmittel",
    store_credit: "Shop-Guthaben",
    exchange: "Umtausch",
  },
  resolutionsOffered: (l) => `Zur Wahl stehen: ${l}.`,
  storeCreditBonus: (p) => `Wenn Sie Shop-Guthaben wählen, erhalten Sie ${p} zusätzlich.`,
  keepItBelow: (a) =>
    `Bei Artikeln mit einem Wert unter ${a} können wir Ihnen den Betrag erstatten, ohne dass Sie den Artikel zurücksenden müssen.`,
  restockingPercent: (p) =>
    `Bei Rückgaben nach dieser Richtlinie wird eine Wiedereinlagerungsgebühr von ${p} des Artikelpreises abgezogen.`,
  restockingFixed: (a) =>
    `Bei Rückgaben nach dieser Richtlinie wird eine Wiedereinlagerungsgebühr von ${a} abgezogen.`,
  restockingExempt: (w) =>
    w
      ? "Bei einem Widerruf im Rahmen Ihres gesetzlichen Widerrufsrechts sowie bei mangelhaften, beschädigten oder falsch gelieferten Artikeln fällt sie nie an."
      : "Bei mangelhaften, beschädigten oder falsch gelieferten Artikeln fällt sie nie an.",
  refundTrigger: {
    approval: "Die Erstattung erfolgt, sobald Ihre Rücksendung genehmigt ist.",
    first_scan: "Die Erstattung erfolgt, sobald der Versanddienstleister Ihr Rücksendepaket scannt.",
    hub_receipt: "Die Erstattung erfolgt, sobald Ihr Paket in unserem Retourenzentrum eingeht.",
    inspection: "Die Erstattung erfolgt, nachdem wir die Artikel erhalten und geprüft haben.",
  },

  ...deLaw,

  cancelFull: "Volle Erstattung",
  cancelNone: "Keine Erstattung",
  cancelPart: (p) => `Erstattung von ${p}`,
  cancelBefore: (r, t) => `${r} bei Stornierung einer Buchung mindestens ${t} vor Beginn.`,
  cancelLater: (r) => `${r} bei späterer Stornierung.`,
  cancelAnytime: (r) => `${r} bei Stornierung vor Beginn der Buchung.`,
  cancelGoods:
    "Bestellungen von Waren, die noch nicht versandt wurden, können Sie gegen volle Erstattung stornieren.",
};
