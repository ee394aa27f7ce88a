import type { LawMessages } from "./messages.ts";

// Japanese: the statutory rights and the legal guarantee.
const EVENT = {
  order_fully_delivered: "ご注文の最後の商品を受け取った日",
  line_delivered: "商品を受け取った日",
  purchase: "ご注文日",
} as const;
const NOT_INFORMED = "販売者がこの権利について説明しなかった場合、";

export const jaLaw: LawMessages = {
  noPolicy:
    "お客様の国には当ショップの返品ポリシーが適用されません。ここに記載する法律上の権利のみが適用されます。",
  applicableLaw: (p) => `適用される消費者法：${p}`,
  noRight: "お客様のご都合（気が変わった等）によりオンライン購入を返品できる法律上の権利はありません。",
  noNationalRight:
    "国全体としては、ご都合によるオンライン購入の返品を認める法律上の権利はなく、お住まいの州の規則が適用されます。",
  changeOfMindByPolicy: "ご都合による返品は、上記の当ショップの返品ポリシーに従います。",
  rightAlways: (p) =>
    `法律上の撤回権（クーリングオフに相当する権利）があります。理由を問わず、${p}以内であれば購入を撤回できます。`,
  rightIfNoPolicy: (p) =>
    `ショップが独自の返品ポリシー（返品特約）を表示していない場合、法律により${p}以内であれば商品を返品できます（クーリングオフとは別の制度です）。`,
  rightIfNotDisclosed: (p) =>
    `販売者が購入前に法律で定められた情報を提供しなかった場合、${p}以内であれば購入を解除できます。`,
  defaultReplaced:
    "当ショップは独自の返品ポリシー（上記）を表示しているため、この法律上の規定ではなく当ショップのポリシーが適用されます。",
  defaultApplies:
    "お客様の国には当ショップの返品ポリシーが適用されないため、この法律上の規定が適用されます。",
  periodStart: (start, from) =>
    from === "day_after_event"
      ? `期間は${EVENT[start]}の翌日から数えます。`
      : `期間は${EVENT[start]}を1日目として数えます。`,
  beforeStart: "商品の到着前でも撤回できます。",
  rollForward: (on) =>
    on
      ? "最終日が土曜日・日曜日・祝日に当たる場合、期間は翌営業日まで延長されます。"
      : "最終日が土日・祝日に当たっても、期間は延長されません。",
  metBy: {
    dispatch: "期間内に撤回の通知を発送すれば足ります。",
    arrival: "撤回の通知は期間内に販売者に届く必要があります。",
  },
  notInformed: (kind, d) =>
    kind === "months_after_normal_end"
      ? `${NOT_INFORMED}期間は${d}延長されます。`
      : `${NOT_INFORMED}期間は開始から${d}後に終了します。`,
  notInformedNotStarted: `${NOT_INFORMED}説明を受けるまで期間は始まりません。`,
  lateInformation: (p) => `後から説明を受けた場合、期間はその受領から${p}後に終了します。`,
  sendBackWithin: (p) => `撤回後、${p}以内に商品を返送する必要があります。`,
  withdrawalReturnCost: {
    customer: "返送にかかる直接の費用はお客様のご負担です。",
    customer_if_informed:
      "返送にかかる直接の費用は、購入前に販売者から説明があった場合に限りお客様のご負担となり、それ以外の場合は販売者の負担です。",
    merchant: "返送費用は販売者の負担です。",
  },
  triggers: {
    notice_received: "撤回の通知が販売者に届いてから",
    withdrawal: "撤回してから",
    goods_received: "販売者が返品商品を受け取ってから",
    goods_or_proof: "販売者が商品または返送の証明を受け取ってから（いずれか早い方）",
    carrier: "返品商品を配送業者に引き渡してから",
    agreed: "販売者が返金を認めてから",
    demand: "返金を請求してから",
    other: "法律の定める日から",
  },
  withdrawalRefund: (p, t) =>
    p
      ? `撤回した場合、販売者は${t}${p}以内に、お客様が支払った全額を返金しなければなりません。`
      : `撤回した場合、販売者は${t}ただちに、お客様が支払った全額を返金しなければなりません。`,
  noRefundDeadline: "撤回後の返金について、法律上の期限は定められていません。",
  outbound: (kind, whole) =>
    `${whole ? "ご注文全体を撤回する場合、" : ""}返金には当初の配送料${kind === "cheapest_standard" ? "（最も安い通常配送の料金まで）" : ""}も含まれます。`,
  withhold: "販売者は、商品が返送されるか、返送の証明が提示されるまで、返金を保留できます。",
  lawExcludes: (l) => `次の商品は法律上、撤回権の対象外です：${l}。`,
  sealedOnly: (l) => `次の商品は未開封の場合に限り撤回できます：${l}。`,
  conditions: {
    intact: "商品は完全な状態で返品する必要があります。",
    marketable_condition:
      "商品は販売可能な状態と品質を保っている必要があります。購入の証明も保管してください。",
    original_package: "商品は元の梱包のまま返品する必要があります。",
    unused: "商品は未使用である必要があります。",
  },

  guaranteePeriod: (d) =>
    d
      ? `不良品に対する法律上の保証期間は${d}です。`
      : "不良品について、法律上の保証期間は定められていません。",
  shortTermReject: (d) =>
    `商品の到着から${d}以内であれば、不良品の受け取りを拒否して全額の返金を受けられます。`,
  shortTermOther: (d) => `商品の到着から${d}以内は、不良品について特別な権利が認められます。`,
  remedies: {
    consumer_choice: "修理、交換、代金の減額、返金のいずれかを選べます。",
    provincial_law_remedies: "救済の内容はお住まいの州の法律に従います。",
    refund: "返金を受ける権利があります。",
    refund_or_replacement: "返金または交換を求めることができます。",
    refund_or_replacement_if_major_failure:
      "重大な不具合の場合は返金または交換を求めることができます。それ以外の場合、販売者はまず修理できます。",
    repair_first: "販売者はまず修理でき、修理できない場合は交換または返金を求めることができます。",
    repair_or_replace_first:
      "まず修理または交換（追完）を求めることができ、それが不可能または不成功の場合は、代金の減額または契約の解除（返金）を求めることができます。",
    repair_replace_or_refund: "修理、交換、返金のいずれかを求めることができます。",
    repair_within_30_days_then_consumer_choice:
      "販売者には30日間の修理期間があり、その後は交換、返金、代金の減額から選べます。",
    replace_or_repair: "交換または修理を求めることができます。",
    replacement_or_refund_plus_20pct_bonus:
      "交換または返金を求めることができ、返金の場合は20％以上の補償が加算されます。",
    rescission_or_price_reduction: "契約の解除または代金の減額を求めることができます。",
    state_law_remedies: "救済の内容はお住まいの州の法律に従います（受領拒絶、受領の撤回、損害賠償など）。",
    unspecified: "救済の内容は法律で具体的に定められていません。",
    other: "救済の内容は適用される法律に従います。",
  },
  guaranteeReturnCost: {
    merchant: "不良品の返送費用は販売者の負担です。",
    customer: "不良品の返送費用はお客様のご負担です。",
  },
  guaranteeRefund: (p, t) =>
    p
      ? `不良品について返金を受けられる場合、${t}${p}以内に返金されます。`
      : `不良品について返金を受けられる場合、${t}ただちに返金されます。`,
};
