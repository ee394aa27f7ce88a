import type { Messages } from "./messages.ts";

// Durations are used in the nominative/accusative ("beträgt 14 Tage", "14 Tage nach …").
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const days = (n: number, kind: "calendar" | "business") =>
  kind === "business" ? plural(n, "Arbeitstag", "Arbeitstage") : plural(n, "Tag", "Tage");
const months = (n: number) => plural(n, "Monat", "Monate");
const AFTER = {
  order_fully_delivered: "Sie die letzte Ware Ihrer Bestellung erhalten haben",
  line_delivered: "Sie die Ware erhalten haben",
  purchase: "Sie Ihre Bestellung aufgegeben haben",
} as const;
const ON = {
  order_fully_delivered: "Sie die letzte Ware Ihrer Bestellung erhalten",
  line_delivered: "Sie die Ware erhalten",
  purchase: "Sie Ihre Bestellung aufgeben",
} as const;
const NOT_INFORMED = "Hat der Verkäufer Sie nicht über dieses Recht belehrt,";

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

  noPolicy:
    "Für Ihr Land gilt keine Rückgaberichtlinie dieses Shops. Es gelten nur die hier beschriebenen gesetzlichen Rechte.",
  applicableLaw: (p) => `Maßgebliches Verbraucherrecht: ${p}.`,
  noRight: "Ein gesetzliches Recht, einen Online-Kauf ohne Grund zu widerrufen, besteht nicht.",
  noNationalRight:
    "Ein landesweites gesetzliches Recht, einen Online-Kauf ohne Grund zurückzugeben, besteht nicht; stattdessen gilt eine Regel Ihres Bundesstaats bzw. Ihrer Provinz.",
  changeOfMindByPolicy:
    "Rückgaben ohne Mangel richten sich nach der oben beschriebenen Richtlinie dieses Shops.",
  rightAlways: (p) =>
    `Sie haben ein gesetzliches Widerrufsrecht: Sie können Ihren Kauf ohne Angabe von Gründen widerrufen. Die Widerrufsfrist beträgt ${p}.`,
  rightIfNoPolicy: (p) =>
    `Zeigt ein Shop keine eigene Rückgaberichtlinie an, können Sie Waren nach dem Gesetz zurückgeben; die Frist beträgt ${p}.`,
  rightIfNotDisclosed: (p) =>
    `Hat Ihnen der Verkäufer vor dem Kauf nicht die gesetzlich vorgeschriebenen Informationen gegeben, können Sie den Kauf widerrufen; die Frist beträgt ${p}.`,
  defaultReplaced:
    "Dieser Shop zeigt eine eigene Rückgaberichtlinie an (siehe oben); sie gilt anstelle dieser gesetzlichen Regel.",
  defaultApplies:
    "Da für Ihr Land keine Rückgaberichtlinie dieses Shops gilt, greift diese gesetzliche Regel.",
  periodStart: (start, from) =>
    from === "day_after_event"
      ? `Die Frist beginnt an dem Tag, nachdem ${AFTER[start]}.`
      : `Die Frist beginnt an dem Tag, an dem ${ON[start]}; dieser Tag zählt als erster Tag.`,
  beforeStart: "Sie können auch schon vor Erhalt der Ware widerrufen.",
  rollForward: (on) =>
    on
      ? "Fällt der letzte Tag auf einen Samstag, Sonntag oder gesetzlichen Feiertag, endet die Frist am nächsten Werktag."
      : "Fällt der letzte Tag auf ein Wochenende oder einen Feiertag, verlängert sich die Frist nicht.",
  metBy: {
    dispatch: "Zur Wahrung der Frist genügt die rechtzeitige Absendung des Widerrufs.",
    arrival: "Ihre Erklärung muss dem Verkäufer vor Ablauf der Frist zugehen.",
  },
  notInformed: (kind, d) =>
    kind === "months_after_normal_end"
      ? `${NOT_INFORMED} verlängert sich die Frist um ${d}.`
      : `${NOT_INFORMED} endet die Frist ${d} nach ihrem Beginn.`,
  notInformedNotStarted: `${NOT_INFORMED} beginnt die Frist erst mit der Belehrung.`,
  lateInformation: (p) => `Holt er die Belehrung nach, endet die Frist ${p} nach deren Erhalt.`,
  sendBackWithin: (p) => `Nach dem Widerruf haben Sie ${p} Zeit, die Waren zurückzusenden.`,
  withdrawalReturnCost: {
    customer: "Die unmittelbaren Kosten der Rücksendung tragen Sie.",
    customer_if_informed:
      "Die unmittelbaren Kosten der Rücksendung tragen Sie nur, wenn der Verkäufer Sie vor dem Kauf darauf hingewiesen hat; andernfalls trägt er sie.",
    merchant: "Die Kosten der Rücksendung trägt der Verkäufer.",
  },
  triggers: {
    notice_received: "Eingang Ihres Widerrufs beim Verkäufer",
    withdrawal: "Ihrem Widerruf",
    goods_received: "Rückerhalt der Ware",
    goods_or_proof:
      "Rückerhalt der Ware oder des Nachweises der Rücksendung, je nachdem, was früher eintritt",
    carrier: "Übergabe der Ware an den Rücksendedienst",
    agreed: "Anerkennung Ihres Erstattungsanspruchs durch den Verkäufer",
    demand: "Ihrer Aufforderung",
    other: "dem gesetzlich maßgeblichen Zeitpunkt",
  },
  withdrawalRefund: (p, t) =>
    p
      ? `Nach einem Widerruf muss der Verkäufer alle Zahlungen spätestens ${p} nach ${t} erstatten.`
      : `Nach einem Widerruf muss der Verkäufer alle Zahlungen unverzüglich nach ${t} erstatten.`,
  noRefundDeadline: "Für die Erstattung nach einem Widerruf sieht das Gesetz keine feste Frist vor.",
  outbound: (kind, whole) =>
    `${whole ? "Widerrufen Sie die gesamte Bestellung, umfasst die Erstattung" : "Die Erstattung umfasst"} auch die ursprünglichen Versandkosten${kind === "cheapest_standard" ? " (bis zur Höhe der günstigsten Standardlieferung)" : ""}.`,
  withhold:
    "Der Verkäufer darf die Erstattung zurückhalten, bis er die Ware zurückerhalten oder Sie die Rücksendung nachgewiesen haben.",
  lawExcludes: (l) => `Gesetzlich vom Widerrufsrecht ausgeschlossen sind: ${l}.`,
  sealedOnly: (l) => `Nur bei unbeschädigter Versiegelung widerrufbar: ${l}.`,
  conditions: {
    intact: "Die Ware muss unversehrt zurückgegeben werden.",
    marketable_condition:
      "Die Ware muss ihren verkaufsfähigen Zustand und ihre Eigenschaften behalten; bewahren Sie den Kaufnachweis auf.",
    original_package: "Die Ware muss in der Originalverpackung zurückgegeben werden.",
    unused: "Die Ware muss unbenutzt sein.",
  },

  guaranteePeriod: (d) =>
    d
      ? `Die gesetzliche Gewährleistung für mangelhafte Ware beträgt ${d}.`
      : "Das Gesetz sieht keine feste Gewährleistungsfrist für mangelhafte Ware vor.",
  shortTermReject: (d) =>
    `Bis ${d} nach Lieferung können Sie mangelhafte Ware zurückweisen und den vollen Kaufpreis zurückverlangen.`,
  shortTermOther: (d) => `Bis ${d} nach Lieferung gelten für mangelhafte Ware besondere Rechte.`,
  remedies: {
    consumer_choice: "Sie können zwischen Reparatur, Ersatz, Minderung und Erstattung wählen.",
    provincial_law_remedies: "Ihre Ansprüche richten sich nach dem Recht Ihrer Provinz.",
    refund: "Sie haben Anspruch auf Erstattung.",
    refund_or_replacement: "Sie können Erstattung oder Ersatz verlangen.",
    refund_or_replacement_if_major_failure:
      "Bei einem erheblichen Mangel können Sie Erstattung oder Ersatz verlangen; sonst darf der Verkäufer zunächst reparieren.",
    repair_first:
      "Der Verkäufer darf die Ware zunächst reparieren; gelingt das nicht, können Sie Ersatz oder Erstattung verlangen.",
    repair_or_replace_first:
      "Zunächst können Sie Nacherfüllung verlangen, also Reparatur oder Ersatz; ist sie unmöglich oder schlägt sie fehl, können Sie den Preis mindern oder vom Kauf zurücktreten.",
    repair_replace_or_refund: "Sie können Reparatur, Ersatz oder Erstattung verlangen.",
    repair_within_30_days_then_consumer_choice:
      "Der Verkäufer hat 30 Tage Zeit für eine Reparatur; danach können Sie zwischen Ersatz, Erstattung und Minderung wählen.",
    replace_or_repair: "Sie können Ersatz oder Reparatur verlangen.",
    replacement_or_refund_plus_20pct_bonus:
      "Sie können Ersatz oder Erstattung verlangen; bei einer Erstattung steht Ihnen zusätzlich eine Entschädigung von mindestens 20 % zu.",
    rescission_or_price_reduction:
      "Sie können vom Kauf zurücktreten oder eine Minderung des Preises verlangen.",
    state_law_remedies:
      "Ihre Ansprüche richten sich nach dem Recht Ihres Bundesstaats (z. B. Zurückweisung, Widerruf der Annahme oder Schadensersatz).",
    unspecified: "Das Gesetz legt die Ansprüche nicht im Einzelnen fest.",
    other: "Ihre Ansprüche richten sich nach dem anwendbaren Recht.",
  },
  guaranteeReturnCost: {
    merchant: "Die Kosten der Rücksendung mangelhafter Ware trägt der Verkäufer.",
    customer: "Die Kosten der Rücksendung mangelhafter Ware tragen Sie.",
  },
  guaranteeRefund: (p, t) =>
    p
      ? `Steht Ihnen wegen eines Mangels eine Erstattung zu, ist sie spätestens ${p} nach ${t} fällig.`
      : `Steht Ihnen wegen eines Mangels eine Erstattung zu, ist sie unverzüglich nach ${t} fällig.`,

  cancelFull: "Volle Erstattung",
  cancelNone: "Keine Erstattung",
  cancelPart: (p) => `Erstattung von ${p}`,
  cancelBefore: (r, t) => `${r} bei Stornierung mindestens ${t} vor Beginn bzw. Versand.`,
  cancelLater: (r) => `${r} bei späterer Stornierung.`,
  cancelAnytime: (r) => `${r} bei Stornierung vor Beginn bzw. Versand.`,
};
