import type { LawMessages } from "./messages.ts";

// German: the statutory rights and the legal guarantee.
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

export const deLaw: LawMessages = {
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
};
