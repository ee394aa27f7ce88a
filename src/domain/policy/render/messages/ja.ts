import { jaLaw } from "./ja-law.ts";
import type { Messages } from "./messages.ts";

const days = (n: number, kind: "calendar" | "business") => (kind === "business" ? `${n}営業日` : `${n}日`);
const months = (n: number) => `${n}か月`;

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

  ...jaLaw,

  cancelFull: "全額返金",
  cancelNone: "返金なし",
  cancelPart: (p) => `${p}を返金`,
  cancelBefore: (r, t) => `予約開始の${t}前までのキャンセル：${r}。`,
  cancelLater: (r) => `それ以降のキャンセル：${r}。`,
  cancelAnytime: (r) => `予約開始前のキャンセル：${r}。`,
  cancelGoods: "未発送の商品のご注文は、全額返金でキャンセルできます。",
};
