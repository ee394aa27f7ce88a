import type { LawMessages } from "./messages.ts";

// French: the statutory rights and the legal guarantee.
const EVENT = {
  order_fully_delivered: "vous recevez le dernier article de votre commande",
  line_delivered: "vous recevez l'article",
  purchase: "vous passez commande",
} as const;
const NOT_INFORMED = "Si le vendeur ne vous a pas informé de ce droit,";

export const frLaw: LawMessages = {
  noPolicy:
    "Aucune politique de retour de cette boutique ne couvre votre pays. Seuls les droits légaux décrits ici s'appliquent.",
  applicableLaw: (p) => `Droit de la consommation applicable : ${p}.`,
  noRight: "Il n'existe pas de droit légal de retourner un achat en ligne pour simple changement d'avis.",
  noNationalRight:
    "Il n'existe pas de droit national de retourner un achat en ligne pour simple changement d'avis ; une règle de votre État ou de votre province s'applique à la place.",
  changeOfMindByPolicy:
    "Les retours pour changement d'avis relèvent de la politique de cette boutique décrite ci-dessus.",
  rightAlways: (p) =>
    `Vous disposez d'un droit de rétractation légal : vous pouvez vous rétracter de votre achat sans avoir à vous justifier dans un délai de ${p}.`,
  rightIfNoPolicy: (p) =>
    `Si une boutique n'affiche pas sa propre politique de retour, la loi vous permet de retourner les marchandises dans un délai de ${p}.`,
  rightIfNotDisclosed: (p) =>
    `Si le vendeur ne vous a pas fourni avant l'achat les informations exigées par la loi, vous pouvez annuler l'achat dans un délai de ${p}.`,
  defaultReplaced:
    "Cette boutique affiche sa propre politique de retour (ci-dessus) ; cette règle légale par défaut ne s'applique donc pas.",
  defaultApplies:
    "Aucune politique de retour de cette boutique ne couvrant votre pays, cette règle légale par défaut s'applique.",
  periodStart: (start, from) =>
    from === "day_after_event"
      ? `Le délai court à partir du lendemain du jour où ${EVENT[start]}.`
      : `Le délai court à partir du jour où ${EVENT[start]}, qui compte comme premier jour.`,
  beforeStart: "Vous pouvez également vous rétracter avant la livraison.",
  rollForward: (on) =>
    on
      ? "Si le dernier jour tombe un samedi, un dimanche ou un jour férié, le délai est prolongé jusqu'au premier jour ouvrable suivant."
      : "Le délai n'est pas prolongé si son dernier jour tombe un week-end ou un jour férié.",
  metBy: {
    dispatch: "Il suffit d'envoyer votre rétractation avant l'expiration du délai.",
    arrival: "Votre rétractation doit parvenir au vendeur avant l'expiration du délai.",
  },
  notInformed: (kind, d) =>
    kind === "months_after_normal_end"
      ? `${NOT_INFORMED} le délai est prolongé de ${d}.`
      : `${NOT_INFORMED} le délai expire ${d} après son début.`,
  notInformedNotStarted: `${NOT_INFORMED} le délai ne commence à courir qu'une fois que vous en êtes informé.`,
  lateInformation: (p) =>
    `Si cette information vous est fournie plus tard, le délai expire ${p} après sa réception.`,
  sendBackWithin: (p) => `Après votre rétractation, vous disposez de ${p} pour renvoyer les marchandises.`,
  withdrawalReturnCost: {
    customer: "Les frais directs de renvoi sont à votre charge.",
    customer_if_informed:
      "Les frais directs de renvoi ne sont à votre charge que si le vendeur vous en a informé avant l'achat ; sinon, ils sont à la charge du vendeur.",
    merchant: "Les frais de renvoi sont à la charge du vendeur.",
  },
  triggers: {
    notice_received: "la réception de votre rétractation par le vendeur",
    withdrawal: "votre rétractation",
    goods_received: "la réception des marchandises retournées",
    goods_or_proof:
      "la réception des marchandises ou de la preuve de leur expédition, selon la date la plus proche",
    carrier: "la remise des marchandises au transporteur de retour",
    agreed: "l'accord du vendeur sur votre droit au remboursement",
    demand: "votre demande",
    other: "la date prévue par la loi",
  },
  withdrawalRefund: (p, t) =>
    p
      ? `Après une rétractation, le vendeur doit vous rembourser toutes les sommes versées au plus tard ${p} après ${t}.`
      : `Après une rétractation, le vendeur doit vous rembourser toutes les sommes versées dès ${t}.`,
  noRefundDeadline: "La loi ne fixe pas de délai précis pour le remboursement après une rétractation.",
  outbound: (kind, whole) =>
    `${whole ? "Si vous vous rétractez de toute la commande, le" : "Le"} remboursement inclut les frais de livraison initiaux${kind === "cheapest_standard" ? " (dans la limite de la livraison standard la moins chère)" : ""}.`,
  withhold:
    "Le vendeur peut différer le remboursement jusqu'à la récupération des marchandises ou jusqu'à ce que vous ayez fourni une preuve de leur expédition.",
  lawExcludes: (l) => `La loi exclut du droit de rétractation : ${l}.`,
  sealedOnly: (l) => `Rétractation possible uniquement si le scellé est intact : ${l}.`,
  conditions: {
    intact: "Les marchandises doivent être retournées intactes.",
    marketable_condition:
      "Les marchandises doivent conserver leur état et leurs propriétés commerciales ; conservez la preuve d'achat.",
    original_package: "Les marchandises doivent être retournées dans leur emballage d'origine.",
    unused: "Les marchandises ne doivent pas avoir été utilisées.",
  },

  guaranteePeriod: (d) =>
    d
      ? `La garantie légale couvre les défauts de conformité pendant ${d}.`
      : "La loi ne fixe pas de durée précise de garantie pour les marchandises défectueuses.",
  shortTermReject: (d) =>
    `Dans les ${d} suivant la livraison, vous pouvez refuser une marchandise défectueuse et obtenir un remboursement intégral.`,
  shortTermOther: (d) =>
    `Dans les ${d} suivant la livraison, des droits particuliers s'appliquent aux marchandises défectueuses.`,
  remedies: {
    consumer_choice:
      "Vous pouvez choisir entre réparation, remplacement, réduction du prix ou remboursement.",
    provincial_law_remedies: "Vos recours relèvent du droit de votre province.",
    refund: "Vous avez droit à un remboursement.",
    refund_or_replacement: "Vous pouvez demander un remboursement ou un remplacement.",
    refund_or_replacement_if_major_failure:
      "En cas de défaut majeur, vous pouvez demander un remboursement ou un remplacement ; sinon, le vendeur peut d'abord réparer.",
    repair_first:
      "Le vendeur peut d'abord réparer le bien ; en cas d'échec, vous pouvez demander un remplacement ou un remboursement.",
    repair_or_replace_first:
      "Vous pouvez d'abord demander la réparation ou le remplacement ; si c'est impossible ou échoue, vous pouvez obtenir une réduction du prix ou la résolution de la vente avec remboursement.",
    repair_replace_or_refund: "Vous pouvez demander une réparation, un remplacement ou un remboursement.",
    repair_within_30_days_then_consumer_choice:
      "Le vendeur dispose de 30 jours pour réparer ; ensuite, vous pouvez choisir entre remplacement, remboursement ou réduction du prix.",
    replace_or_repair: "Vous pouvez demander un remplacement ou une réparation.",
    replacement_or_refund_plus_20pct_bonus:
      "Vous pouvez demander un remplacement ou un remboursement ; un remboursement s'accompagne d'une indemnité d'au moins 20 %.",
    rescission_or_price_reduction: "Vous pouvez annuler l'achat ou demander une réduction du prix.",
    state_law_remedies:
      "Vos recours relèvent du droit de votre État (par exemple refus, révocation de l'acceptation ou dommages-intérêts).",
    unspecified: "La loi ne précise pas les recours.",
    other: "Vos recours relèvent du droit applicable.",
  },
  guaranteeReturnCost: {
    merchant: "Les frais de retour des marchandises défectueuses sont à la charge du vendeur.",
    customer: "Les frais de retour des marchandises défectueuses sont à votre charge.",
  },
  guaranteeRefund: (p, t) =>
    p
      ? `Si vous avez droit à un remboursement pour un défaut, il doit intervenir au plus tard ${p} après ${t}.`
      : `Si vous avez droit à un remboursement pour un défaut, il doit intervenir dès ${t}.`,
};
