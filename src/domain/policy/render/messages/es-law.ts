import type { LawMessages } from "./messages.ts";

// Spanish: the statutory rights and the legal guarantee.
const EVENT = {
  order_fully_delivered: "recibe el último artículo de su pedido",
  line_delivered: "recibe el artículo",
  purchase: "realiza el pedido",
} as const;
const NOT_INFORMED = "Si el vendedor no le informó de este derecho,";

export const esLaw: LawMessages = {
  noPolicy:
    "Ninguna política de devoluciones de esta tienda cubre su país. Solo se aplican los derechos legales descritos aquí.",
  applicableLaw: (p) => `Legislación de consumo aplicable: ${p}.`,
  noRight: "No existe un derecho legal a devolver una compra en línea por simple cambio de opinión.",
  noNationalRight:
    "No existe un derecho nacional a devolver una compra en línea por simple cambio de opinión; en su lugar se aplica una norma de su estado o provincia.",
  changeOfMindByPolicy:
    "Las devoluciones por cambio de opinión se rigen por la política de esta tienda descrita arriba.",
  rightAlways: (p) =>
    `Tiene un derecho legal de desistimiento: puede desistir de su compra sin indicar el motivo en un plazo de ${p}.`,
  rightIfNoPolicy: (p) =>
    `Si una tienda no muestra su propia política de devoluciones, la ley le permite devolver los productos en un plazo de ${p}.`,
  rightIfNotDisclosed: (p) =>
    `Si el vendedor no le facilitó antes de la compra la información exigida por la ley, puede cancelar la compra en un plazo de ${p}.`,
  defaultReplaced:
    "Esta tienda muestra su propia política de devoluciones (arriba), por lo que no se aplica esta norma legal supletoria.",
  defaultApplies:
    "Como ninguna política de devoluciones de esta tienda cubre su país, se aplica esta norma legal supletoria.",
  periodStart: (start, from) =>
    from === "day_after_event"
      ? `El plazo empieza a contar el día siguiente a aquel en que ${EVENT[start]}.`
      : `El plazo empieza a contar el día en que ${EVENT[start]}, que cuenta como primer día.`,
  beforeStart: "También puede desistir antes de recibir los productos.",
  rollForward: (on) =>
    on
      ? "Si el último día es sábado, domingo o festivo, el plazo termina el siguiente día hábil."
      : "El plazo no se prorroga si su último día cae en fin de semana o festivo.",
  metBy: {
    dispatch: "Basta con enviar su comunicación de desistimiento antes de que termine el plazo.",
    arrival: "Su comunicación debe llegar al vendedor antes de que termine el plazo.",
  },
  notInformed: (kind, d) =>
    kind === "months_after_normal_end"
      ? `${NOT_INFORMED} el plazo se amplía en ${d}.`
      : `${NOT_INFORMED} el plazo termina ${d} después de su inicio.`,
  notInformedNotStarted: `${NOT_INFORMED} el plazo no empieza hasta que reciba esa información.`,
  lateInformation: (p) => `Si recibe la información más tarde, el plazo termina ${p} después de recibirla.`,
  sendBackWithin: (p) => `Tras desistir, dispone de ${p} para devolver los productos.`,
  withdrawalReturnCost: {
    customer: "Usted asume el coste directo de la devolución.",
    customer_if_informed:
      "Usted solo asume el coste directo de la devolución si el vendedor se lo indicó antes de la compra; en caso contrario, lo asume el vendedor.",
    merchant: "El vendedor asume el coste de la devolución.",
  },
  triggers: {
    notice_received: "que recibe su comunicación de desistimiento",
    withdrawal: "que usted desiste",
    goods_received: "que el vendedor recibe los productos devueltos",
    goods_or_proof: "que el vendedor recibe los productos o la prueba de su envío, lo que ocurra primero",
    carrier: "que entrega los productos al transportista de la devolución",
    agreed: "que el vendedor reconoce su derecho al reembolso",
    demand: "que usted lo solicita",
    other: "la fecha que establece la ley",
  },
  withdrawalRefund: (p, t) =>
    p
      ? `Tras un desistimiento, el vendedor debe reembolsarle todos los pagos realizados en un plazo máximo de ${p} desde ${t}.`
      : `Tras un desistimiento, el vendedor debe reembolsarle todos los pagos realizados desde el momento en ${t}.`,
  noRefundDeadline: "La ley no fija un plazo concreto para el reembolso tras un desistimiento.",
  outbound: (kind, whole) =>
    `${whole ? "Si desiste de todo el pedido, el" : "El"} reembolso incluye los gastos de envío originales${kind === "cheapest_standard" ? " (hasta el importe de la modalidad de entrega estándar más barata)" : ""}.`,
  withhold:
    "El vendedor puede retener el reembolso hasta haber recibido los productos o hasta que usted demuestre haberlos enviado.",
  lawExcludes: (l) => `La ley excluye del derecho de desistimiento: ${l}.`,
  sealedOnly: (l) => `Solo se puede desistir si el precinto está intacto: ${l}.`,
  conditions: {
    intact: "Los productos deben devolverse intactos.",
    marketable_condition:
      "Los productos deben conservar su estado comercial y sus propiedades; conserve el justificante de compra.",
    original_package: "Los productos deben devolverse en su embalaje original.",
    unused: "Los productos no deben haberse usado.",
  },

  guaranteePeriod: (d) =>
    d
      ? `La garantía legal por falta de conformidad dura ${d}.`
      : "La ley no fija un plazo concreto de garantía para los productos defectuosos.",
  shortTermReject: (d) =>
    `En los ${d} siguientes a la entrega, puede rechazar un producto defectuoso y obtener el reembolso completo.`,
  shortTermOther: (d) =>
    `En los ${d} siguientes a la entrega, se aplican derechos especiales a los productos defectuosos.`,
  remedies: {
    consumer_choice: "Puede elegir entre reparación, sustitución, rebaja del precio o reembolso.",
    provincial_law_remedies: "Sus derechos se rigen por la ley de su provincia.",
    refund: "Tiene derecho al reembolso.",
    refund_or_replacement: "Puede pedir el reembolso o la sustitución.",
    refund_or_replacement_if_major_failure:
      "Ante un defecto grave puede pedir el reembolso o la sustitución; en otro caso, el vendedor puede repararlo primero.",
    repair_first:
      "El vendedor puede reparar primero el producto; si no lo consigue, puede pedir la sustitución o el reembolso.",
    repair_or_replace_first:
      "Primero puede exigir la reparación o la sustitución; si no es posible o no se logra, puede pedir una rebaja del precio o resolver el contrato con reembolso.",
    repair_replace_or_refund: "Puede pedir la reparación, la sustitución o el reembolso.",
    repair_within_30_days_then_consumer_choice:
      "El vendedor dispone de 30 días para repararlo; después puede elegir entre sustitución, reembolso o rebaja del precio.",
    replace_or_repair: "Puede pedir la sustitución o la reparación.",
    replacement_or_refund_plus_20pct_bonus:
      "Puede pedir la sustitución o el reembolso; el reembolso incluye una bonificación de al menos el 20 %.",
    rescission_or_price_reduction: "Puede resolver la compra o pedir una rebaja del precio.",
    state_law_remedies:
      "Sus derechos se rigen por la ley de su estado (por ejemplo, rechazo, revocación de la aceptación o indemnización).",
    unspecified: "La ley no concreta los remedios disponibles.",
    other: "Sus derechos se rigen por la ley aplicable.",
  },
  guaranteeReturnCost: {
    merchant: "El vendedor asume el coste de devolver los productos defectuosos.",
    customer: "Usted asume el coste de devolver los productos defectuosos.",
  },
  guaranteeRefund: (p, t) =>
    p
      ? `Si tiene derecho a un reembolso por un defecto, debe recibirlo en un plazo máximo de ${p} desde ${t}.`
      : `Si tiene derecho a un reembolso por un defecto, debe recibirlo desde el momento en ${t}.`,
};
