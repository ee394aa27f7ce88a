import { frLaw } from "./fr-law.ts";
import type { Messages } from "./messages.ts";

// French: 0 and 1 take the singular.
const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;
const days = (n: number, kind: "calendar" | "business") =>
  kind === "business" ? plural(n, "jour ouvrable", "jours ouvrables") : plural(n, "jour", "jours");
const months = (n: number) => `${n} mois`;

export const fr: Messages = {
  titles: {
    window: "Délai de retour",
    non_returnable: "Articles non retournables",
    how_to_return: "Comment retourner un article",
    refunds: "Remboursements",
    statutory_rights: "Vos droits légaux",
    legal_guarantee: "Garantie légale des produits défectueux",
    cancellation: "Annulation",
  },
  marker: { secondary: "(source secondaire)", unverified: "(non vérifié)" },
  days,
  months,
  years: (n) => plural(n, "an", "ans"),
  hours: (n) => plural(n, "heure", "heures"),

  window: (d, from) =>
    `Vous pouvez retourner vos articles dans un délai de ${d} à compter de ${{ delivery: "la livraison", shipment: "l'expédition", order: "la commande" }[from]}.`,
  noWindow: "Cette boutique n'accepte pas les retours pour simple changement d'avis.",
  holiday: (from, to, by) =>
    `Les achats effectués entre le ${from} et le ${to} peuvent être retournés jusqu'au ${by}.`,
  statutoryLonger: (p) => `Le délai légal de rétractation (${p}) est plus long et s'applique à la place.`,
  statutoryAlso: (p) =>
    `Votre droit de rétractation légal (${p}) s'applique également ; pour chaque article, le délai qui expire le plus tard prévaut.`,

  flags: {
    finalSale: "articles vendus en vente finale",
    personalised: "articles personnalisés ou fabriqués sur mesure",
    perishable: "denrées périssables",
    sealedHygiene: "produits d'hygiène ou de santé scellés",
    sealedMedia: "enregistrements audio ou vidéo et logiciels scellés",
    digital: "contenus numériques",
  },
  nothingExcluded: "Aucun article n'est exclu des retours.",
  excludedFlags: (l) => `Ne peuvent pas être retournés : ${l}.`,
  excludedCategories: (l) => `Les articles de ces catégories ne peuvent pas être retournés : ${l}.`,
  excludedSkus: (l) => `Ces références ne peuvent pas être retournées : ${l}.`,
  moreSkus: (n) => `${n} autres`,
  lawAlsoExcludes: (l) => `La loi exclut également du droit de rétractation : ${l}.`,
  lawSealedOnly: (l) => `La loi permet toutefois la rétractation tant que le scellé est intact : ${l}.`,
  lawOverrides: (l, p) =>
    `La loi ne les excluant pas, vous pouvez néanmoins exercer votre droit de rétractation (${p}) pour : ${l}.`,
  lawOverridesListed: (p) =>
    `Les articles des catégories ou références exclues peuvent également faire l'objet d'une rétractation (${p}), sauf si une exception légale s'applique.`,
  lawMayOverride:
    "Si un droit légal d'annulation s'applique à votre achat (voir ci-dessous), il prime sur ces exclusions.",
  faultyAlwaysCovered:
    "Les articles défectueux, endommagés ou erronés restent toujours couverts par la garantie légale, même s'ils sont exclus ci-dessus.",

  shipBy: (d) => `Une fois votre retour accepté, vous disposez de ${d} pour expédier les articles.`,
  review: "Nous examinons chaque demande de retour avant de l'accepter.",
  shippingFree: "Le retour est gratuit.",
  shippingFee: (f) => `Les frais de retour s'élèvent à ${f}.`,
  shippingPaidByYou: "Les frais de retour sont à votre charge.",
  shippingFreeAbove: (a) => `Le retour est gratuit pour toute commande d'au moins ${a}.`,
  reasons: {
    changed_mind: "changement d'avis",
    wrong_size: "taille incorrecte",
    not_as_described: "non conforme à la description",
    defective: "article défectueux",
    damaged_in_transit: "endommagé pendant le transport",
    wrong_item: "mauvais article reçu",
    arrived_late: "livré en retard",
    no_longer_needed: "ne convient plus",
    other: "autres motifs",
  },
  reasonsAccepted: (l) => `Cette politique accepte les retours pour les motifs suivants : ${l}.`,
  reasonNotNeeded: "L'exercice de votre droit de rétractation légal ne nécessite aucun motif.",
  photos: (l) => `Merci de joindre des photos lorsque le motif est : ${l}.`,

  resolutions: {
    refund: "un remboursement sur votre moyen de paiement d'origine",
    store_credit: "un avoir",
    exchange: "un échange",
  },
  resolutionsOffered: (l) => `Vous pouvez choisir ${l}.`,
  storeCreditBonus: (p) => `Si vous choisissez un avoir, vous recevez ${p} en plus.`,
  keepItBelow: (a) =>
    `Pour les articles d'une valeur inférieure à ${a}, nous pouvons vous rembourser sans vous demander de renvoyer l'article.`,
  restockingPercent: (p) =>
    `Des frais de remise en stock de ${p} du prix de l'article sont déduits des remboursements au titre de cette politique.`,
  restockingFixed: (a) =>
    `Des frais de remise en stock de ${a} sont déduits des remboursements au titre de cette politique.`,
  restockingExempt: (w) =>
    w
      ? "Ils ne s'appliquent jamais à l'exercice de votre droit de rétractation légal ni aux articles défectueux, endommagés ou erronés."
      : "Ils ne s'appliquent jamais aux articles défectueux, endommagés ou erronés.",
  refundTrigger: {
    approval: "Le remboursement est effectué dès l'acceptation de votre retour.",
    first_scan: "Le remboursement est effectué dès que le transporteur scanne votre colis retour.",
    hub_receipt: "Le remboursement est effectué dès l'arrivée de votre colis dans notre centre de retours.",
    inspection: "Le remboursement est effectué après réception et contrôle des articles.",
  },

  ...frLaw,

  cancelFull: "Remboursement intégral",
  cancelNone: "Aucun remboursement",
  cancelPart: (p) => `Remboursement de ${p}`,
  cancelBefore: (r, t) => `${r} en cas d'annulation d'une réservation au moins ${t} avant son début.`,
  cancelLater: (r) => `${r} en cas d'annulation plus tardive.`,
  cancelAnytime: (r) => `${r} en cas d'annulation avant le début de la réservation.`,
  cancelGoods:
    "Les commandes de marchandises pas encore expédiées peuvent être annulées avec un remboursement intégral.",
};
