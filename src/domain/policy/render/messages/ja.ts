import type { Messages } from "./messages.ts";

const days = (n: number, kind: "calendar" | "business") => (kind === "business" ? `${n}営業日` : `${n}日`);
const months = (n: number) => `${n}か月`;
const EVENT = {
  order_fully_delivered: "ご注文の最後の商品を受け取った日",
  line_delivered: "商品を受け取った日",
  purchase: "ご注文日",
} as const;
const NOT_INFORMED = "販売者がこの権利について説明しなかった場合、";

export const ja: Messages = {
  titles: {
    window: "返品期間",
    non_returnable: "返品できない商品",
    how_to_return: "返品方法",
    refunds: "返金",
    statutory_rights: "法律上の権利（返品・クーリングオフ）",
    legal_guarantee: "不良品に対する法律上の保証（契約不適合責任）",
    cancellation: "キャンセル",
  },
  marker: { secondary: "（二次資料）", unverified: "（未確認）" },
  days,
  months,
  years: (n) => `${n}年`,
  hours: (n) => `${n}時間`,

  window: (d, from) =>
    `${{ delivery: "商品の到着日", shipment: "発送日", order: "ご注文日" }[from]}から${d}以内であれば返品できます。`,
  noWindow: "当ショップでは、お客様のご都合による返品はお受けしておりません。",
  holiday: (from, to, by) => `${from}から${to}までにご購入いただいた商品は、${by}まで返品できます。`,
  statutoryLonger: (p) => `法律上の撤回期間（${p}）の方が長いため、そちらが適用されます。`,
  statutoryAlso: (p) => `法律上の撤回権（${p}）も併せて適用され、商品ごとに期限の遅い方が優先されます。`,

  flags: {
    finalSale: "最終セール品",
    personalised: "名入れ品・オーダーメイド品",
    perishable: "生鮮食品など傷みやすい商品",
    sealedHygiene: "封のある衛生用品・健康用品",
    sealedMedia: "封のある音楽・映像ソフトおよびソフトウェア",
    digital: "デジタルコンテンツ",
  },
  nothingExcluded: "返品対象外の商品はありません。",
  excludedFlags: (l) => `次の商品は返品できません：${l}。`,
  excludedCategories: (l) => `次のカテゴリーの商品は返品できません：${l}。`,
  excludedSkus: (l) => `次の商品番号の商品は返品できません：${l}。`,
  moreSkus: (n) => `ほか${n}件`,
  lawAlsoExcludes: (l) => `次の商品は法律上も撤回権の対象外です：${l}。`,
  lawSealedOnly: (l) => `次の商品は、未開封であれば法律上撤回できます：${l}。`,
  lawOverrides: (l, p) =>
    `ただし、次の商品は法律で除外されていないため、法律上の撤回権（${p}）に基づいて返品できます：${l}。`,
  lawOverridesListed: (p) =>
    `対象外のカテゴリーや商品番号の商品も、法律上の例外に当たらない限り、法律上の撤回権（${p}）に基づいて返品できます。`,
  lawMayOverride:
    "お客様の購入に法律上の解除権が認められる場合（下記参照）、その権利がこれらの除外より優先されます。",
  faultyAlwaysCovered:
    "不良品・破損品・誤配送品は、上記で対象外とされている場合でも、常に法律上の保証の対象です。",

  shipBy: (d) => `返品が承認されてから${d}以内に商品を発送してください。`,
  review: "すべての返品申請は、承認前に当ショップで確認いたします。",
  shippingFree: "返品送料は無料です。",
  shippingFee: (f) => `返品送料は${f}です。`,
  shippingPaidByYou: "返品送料はお客様のご負担となります。",
  shippingFreeAbove: (a) => `ご注文金額が${a}以上の場合、返品送料は無料です。`,
  reasons: {
    changed_mind: "気が変わった",
    wrong_size: "サイズが合わない",
    not_as_described: "説明と異なる",
    defective: "不良品",
    damaged_in_transit: "配送中の破損",
    wrong_item: "誤配送",
    arrived_late: "配達の遅延",
    no_longer_needed: "不要になった",
    other: "その他",
  },
  reasonsAccepted: (l) => `このポリシーでは、次の理由による返品を受け付けます：${l}。`,
  reasonNotNeeded: "法律上の撤回権を行使する場合、理由は必要ありません。",
  photos: (l) => `返品理由が次の場合は、写真を添付してください：${l}。`,

  resolutions: {
    refund: "元のお支払い方法への返金",
    store_credit: "ストアクレジット",
    exchange: "交換",
  },
  resolutionsOffered: (l) => `${l}からお選びいただけます。`,
  storeCreditBonus: (p) => `ストアクレジットをお選びいただくと、${p}が上乗せされます。`,
  keepItBelow: (a) => `${a}未満の商品については、商品を返送いただかずに返金する場合があります。`,
  restockingPercent: (p) =>
    `このポリシーに基づく返品では、商品価格の${p}の再入庫手数料を返金額から差し引きます。`,
  restockingFixed: (a) => `このポリシーに基づく返品では、${a}の再入庫手数料を返金額から差し引きます。`,
  restockingExempt: (w) =>
    w
      ? "法律上の撤回権に基づく返品、および不良品・破損品・誤配送品には、この手数料はかかりません。"
      : "不良品・破損品・誤配送品には、この手数料はかかりません。",
  refundTrigger: {
    approval: "返品の承認後、ただちに返金いたします。",
    first_scan: "配送業者が返品の荷物をスキャンした時点で返金いたします。",
    hub_receipt: "返品の荷物が当社の返品センターに到着した時点で返金いたします。",
    inspection: "商品の受領・検品後に返金いたします。",
  },

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
      ? `撤回後、販売者は${t}${p}以内に、お客様が支払った全額を返金しなければなりません。`
      : `撤回後、販売者は${t}ただちに、お客様が支払った全額を返金しなければなりません。`,
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

  cancelFull: "全額返金",
  cancelNone: "返金なし",
  cancelPart: (p) => `${p}を返金`,
  cancelBefore: (r, t) => `開始日または発送の${t}前までのキャンセル：${r}。`,
  cancelLater: (r) => `それ以降のキャンセル：${r}。`,
  cancelAnytime: (r) => `開始日または発送前のキャンセル：${r}。`,
};
