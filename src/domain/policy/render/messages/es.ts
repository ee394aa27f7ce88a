import { esLaw } from "./es-law.ts";
import type { Messages } from "./messages.ts";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const days = (n: number, kind: "calendar" | "business") =>
  kind === "business" ? plural(n, "día hábil", "días hábiles") : plural(n, "día", "días");
const months = (n: number) => plural(n, "mes", "meses");

export const es: Messages = {
  titles: {
    window: "Plazo de devolución",
    non_returnable: "Artículos excluidos de devolución",
    how_to_return: "Cómo hacer una devolución",
    refunds: "Reembolsos",
    statutory_rights: "Sus derechos legales",
    legal_guarantee: "Garantía legal de los productos defectuosos",
    cancellation: "Cancelación",
  },
  marker: { secondary: "(fuente secundaria)", unverified: "(no verificado)" },
  days,
  months,
  years: (n) => plural(n, "año", "años"),
  hours: (n) => plural(n, "hora", "horas"),

  window: (d, from) =>
    `Puede devolver los artículos en un plazo de ${d} desde ${{ delivery: "la entrega", shipment: "el envío", order: "el pedido" }[from]}.`,
  noWindow: "Esta tienda no acepta devoluciones por cambio de opinión.",
  holiday: (from, to, by) =>
    `Las compras realizadas entre el ${from} y el ${to} pueden devolverse hasta el ${by}.`,
  statutoryLonger: (p) => `El plazo legal de desistimiento (${p}) es más largo y se aplica en su lugar.`,
  statutoryAlso: (p) =>
    `Además, se aplica su derecho legal de desistimiento (${p}); para cada artículo prevalece el plazo que termine más tarde.`,

  flags: {
    finalSale: "artículos vendidos como venta final",
    personalised: "artículos personalizados o confeccionados a medida",
    perishable: "productos perecederos",
    sealedHygiene: "productos de salud e higiene precintados",
    sealedMedia: "grabaciones de audio o vídeo y software precintados",
    digital: "contenido digital",
  },
  nothingExcluded: "Ningún artículo está excluido de devolución.",
  excludedFlags: (l) => `No se admiten devoluciones de: ${l}.`,
  excludedCategories: (l) => `No se admiten devoluciones de artículos de estas categorías: ${l}.`,
  excludedSkus: (l) => `No se admiten devoluciones de estas referencias: ${l}.`,
  moreSkus: (n) => `${n} más`,
  lawAlsoExcludes: (l) => `La ley también excluye del derecho de desistimiento: ${l}.`,
  lawSealedOnly: (l) =>
    `Según la ley, sigue siendo posible desistir mientras el precinto esté intacto: ${l}.`,
  lawOverrides: (l, p) =>
    `Como la ley no los excluye, puede ejercer igualmente su derecho de desistimiento (${p}) sobre: ${l}.`,
  lawOverridesListed: (p) =>
    `Los artículos de categorías o referencias excluidas también pueden devolverse ejerciendo el derecho de desistimiento (${p}), salvo que se aplique una excepción legal.`,
  lawMayOverride:
    "Si a su compra se le aplica un derecho legal de cancelación (véase más abajo), este prevalece sobre estas exclusiones.",
  faultyAlwaysCovered:
    "Los artículos defectuosos, dañados o equivocados siempre están cubiertos por la garantía legal, aunque estén excluidos arriba.",

  shipBy: (d) => `Una vez aprobada su devolución, dispone de ${d} para enviar los artículos.`,
  review: "Revisamos cada solicitud de devolución antes de aprobarla.",
  shippingFree: "La devolución es gratuita.",
  shippingFee: (f) => `El envío de la devolución cuesta ${f}.`,
  shippingPaidByYou: "Los gastos de envío de la devolución corren a su cargo.",
  shippingFreeAbove: (a) => `La devolución es gratuita en pedidos a partir de ${a}.`,
  reasons: {
    changed_mind: "cambio de opinión",
    wrong_size: "talla incorrecta",
    not_as_described: "no coincide con la descripción",
    defective: "artículo defectuoso",
    damaged_in_transit: "dañado durante el transporte",
    wrong_item: "artículo equivocado",
    arrived_late: "entrega tardía",
    no_longer_needed: "ya no lo necesito",
    other: "otros motivos",
  },
  reasonsAccepted: (l) => `Esta política admite devoluciones por los siguientes motivos: ${l}.`,
  reasonNotNeeded: "Para ejercer su derecho legal de desistimiento no necesita indicar ningún motivo.",
  photos: (l) => `Adjunte fotos cuando el motivo sea: ${l}.`,

  resolutions: {
    refund: "el reembolso en su método de pago original",
    store_credit: "saldo para la tienda",
    exchange: "un cambio",
  },
  resolutionsOffered: (l) => `Puede elegir ${l}.`,
  storeCreditBonus: (p) => `Si elige saldo para la tienda, recibe un ${p} adicional.`,
  keepItBelow: (a) =>
    `En artículos de valor inferior a ${a}, podemos reembolsarle sin pedirle que devuelva el artículo.`,
  restockingPercent: (p) =>
    `En las devoluciones según esta política se descuenta una tarifa de reposición del ${p} del precio del artículo.`,
  restockingFixed: (a) =>
    `En las devoluciones según esta política se descuenta una tarifa de reposición de ${a}.`,
  restockingExempt: (w) =>
    w
      ? "Nunca se aplica al ejercicio de su derecho legal de desistimiento ni a artículos defectuosos, dañados o equivocados."
      : "Nunca se aplica a artículos defectuosos, dañados o equivocados.",
  refundTrigger: {
    approval: "Emitimos el reembolso en cuanto se aprueba su devolución.",
    first_scan: "Emitimos el reembolso en cuanto el transportista escanea su paquete de devolución.",
    hub_receipt: "Emitimos el reembolso en cuanto su paquete llega a nuestro centro de devoluciones.",
    inspection: "Emitimos el reembolso una vez recibidos y revisados los artículos.",
  },

  ...esLaw,

  cancelFull: "Reembolso completo",
  cancelNone: "Sin reembolso",
  cancelPart: (p) => `Reembolso del ${p}`,
  cancelBefore: (r, t) => `${r} si cancela una reserva con al menos ${t} de antelación a su inicio.`,
  cancelLater: (r) => `${r} si cancela más tarde.`,
  cancelAnytime: (r) => `${r} si cancela antes del inicio de la reserva.`,
  cancelGoods: "Los pedidos de productos que aún no se han enviado pueden cancelarse con reembolso completo.",
};
