/**
 * The rendered policy's sentences from one ICU catalogue (`catalogues/<locale>.json`, a flat map of
 * ICU MessageFormat strings): plurals, cases and word order are the catalogue's, formatted by
 * intl-messageformat in the catalogue's locale. Enumerations reach the messages as `select` values;
 * booleans as `yes` / `no`; the catalogue keys are `MESSAGE_KEYS`.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { RESOLUTIONS, RETURN_REASONS } from "../../../return-reasons.ts";
import { PRODUCT_FLAGS, REFUND_TRIGGERS } from "../../return-policy.ts";
import {
  CONDITION_KEYS,
  type Messages,
  type OfferedResolution,
  REMEDIES,
  SECTION_IDS,
  STATUTORY_TRIGGERS,
  WITHDRAWAL_COSTS,
} from "./messages.ts";

export type Catalogue = Readonly<Record<string, string>>;

const OFFERED: readonly OfferedResolution[] = RESOLUTIONS.filter(
  (r): r is OfferedResolution => r !== "keep_it",
);

const prefixed = (prefix: string, ids: readonly string[]) => ids.map((id) => `${prefix}.${id}`);

/** Every key a catalogue must carry (`test/domain/policy/render/render-catalogues.test.ts`). */
export const MESSAGE_KEYS: readonly string[] = [
  ...prefixed("titles", SECTION_IDS),
  ...prefixed("marker", ["secondary", "unverified"]),
  ...["days", "months", "years", "hours", "window", "noWindow", "holiday", "statutoryLonger"],
  ...["statutoryAlso", "nothingExcluded", "excludedFlags", "excludedCategories", "excludedSkus"],
  ...["moreSkus", "lawAlsoExcludes", "lawSealedOnly", "lawOverrides", "lawOverridesListed"],
  ...["lawMayOverride", "faultyAlwaysCovered", "shipBy", "review", "shippingFree", "shippingFee"],
  ...["shippingPaidByYou", "shippingFreeAbove", "reasonsAccepted", "reasonNotNeeded", "photos"],
  ...["resolutionsOffered", "storeCreditBonus", "keepItBelow", "restockingPercent", "restockingFixed"],
  ...["restockingExempt", "cancelFull", "cancelNone", "cancelPart", "cancelBefore", "cancelLater"],
  ...["cancelAnytime", "cancelGoods"],
  ...prefixed("flags", PRODUCT_FLAGS),
  ...prefixed("reasons", RETURN_REASONS),
  ...prefixed("resolutions", OFFERED),
  ...prefixed("refundTrigger", REFUND_TRIGGERS),
  // the law
  ...["noPolicy", "applicableLaw", "noRight", "noNationalRight", "changeOfMindByPolicy", "rightAlways"],
  ...["rightIfNoPolicy", "rightIfNotDisclosed", "defaultReplaced", "defaultApplies", "periodStart"],
  ...["beforeStart", "rollForward", "notInformed", "notInformedNotStarted", "lateInformation"],
  ...["sendBackWithin", "withdrawalRefund", "withdrawalRefundImmediate", "noRefundDeadline", "outbound"],
  ...["withhold", "lawExcludes", "sealedOnly", "guaranteePeriod", "guaranteePeriodNone"],
  ...["shortTermReject", "shortTermOther", "guaranteeRefund", "guaranteeRefundImmediate"],
  ...prefixed("metBy", ["dispatch", "arrival"]),
  ...prefixed("withdrawalReturnCost", WITHDRAWAL_COSTS),
  ...prefixed("triggers", STATUTORY_TRIGGERS),
  ...prefixed("conditions", CONDITION_KEYS),
  ...prefixed("remedies", REMEDIES),
  ...prefixed("guaranteeReturnCost", ["customer", "merchant"]),
];

type Values = Readonly<Record<string, string | number>>;
type Say = (key: string, values?: Values) => string;

/** A formatter over one catalogue: each message compiled once, a missing key is a bug (throws). */
function sayer(locale: string, catalogue: Catalogue): Say {
  const compiled = new Map<string, IntlMessageFormat>();
  return (key, values) => {
    let f = compiled.get(key);
    if (!f) {
      const text = catalogue[key];
      if (text === undefined) throw new Error(`policy catalogue ${locale}: no message "${key}"`);
      f = new IntlMessageFormat(text, locale);
      compiled.set(key, f);
    }
    const out = f.format(values);
    if (typeof out !== "string") throw new Error(`policy catalogue ${locale}: "${key}" is not plain text`);
    return out;
  };
}

function complete<K extends string>(
  ids: readonly K[],
  o: Partial<Record<K, string>>,
): o is Record<K, string> {
  return ids.every((id) => typeof o[id] === "string");
}

function table<K extends string>(say: Say, prefix: string, ids: readonly K[]): Readonly<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const id of ids) out[id] = say(`${prefix}.${id}`);
  if (!complete(ids, out)) throw new Error(`policy catalogue: incomplete table ${prefix}`);
  return out;
}

const yes = (b: boolean) => (b ? "yes" : "no");

export function icuMessages(locale: string, catalogue: Catalogue): Messages {
  const say = sayer(locale, catalogue);
  const one = (key: string) => say(key);
  return {
    titles: table(say, "titles", SECTION_IDS),
    marker: table(say, "marker", ["secondary", "unverified"] as const),
    days: (n, kind) => say("days", { n, kind }),
    months: (n) => say("months", { n }),
    years: (n) => say("years", { n }),
    hours: (n) => say("hours", { n }),

    window: (days, from) => say("window", { days, from }),
    noWindow: one("noWindow"),
    holiday: (from, to, returnBy) => say("holiday", { from, to, returnBy }),
    statutoryLonger: (period) => say("statutoryLonger", { period }),
    statutoryAlso: (period) => say("statutoryAlso", { period }),

    flags: table(say, "flags", PRODUCT_FLAGS),
    nothingExcluded: one("nothingExcluded"),
    excludedFlags: (list) => say("excludedFlags", { list }),
    excludedCategories: (list) => say("excludedCategories", { list }),
    excludedSkus: (list) => say("excludedSkus", { list }),
    moreSkus: (n) => say("moreSkus", { n }),
    lawAlsoExcludes: (list) => say("lawAlsoExcludes", { list }),
    lawSealedOnly: (list) => say("lawSealedOnly", { list }),
    lawOverrides: (list, period) => say("lawOverrides", { list, period }),
    lawOverridesListed: (period) => say("lawOverridesListed", { period }),
    lawMayOverride: one("lawMayOverride"),
    faultyAlwaysCovered: one("faultyAlwaysCovered"),

    shipBy: (days) => say("shipBy", { days }),
    review: one("review"),
    shippingFree: one("shippingFree"),
    shippingFee: (fee) => say("shippingFee", { fee }),
    shippingPaidByYou: one("shippingPaidByYou"),
    shippingFreeAbove: (amount) => say("shippingFreeAbove", { amount }),
    reasons: table(say, "reasons", RETURN_REASONS),
    reasonsAccepted: (list) => say("reasonsAccepted", { list }),
    reasonNotNeeded: one("reasonNotNeeded"),
    photos: (list) => say("photos", { list }),

    resolutions: table(say, "resolutions", OFFERED),
    resolutionsOffered: (list) => say("resolutionsOffered", { list }),
    storeCreditBonus: (percent) => say("storeCreditBonus", { percent }),
    keepItBelow: (amount) => say("keepItBelow", { amount }),
    restockingPercent: (percent) => say("restockingPercent", { percent }),
    restockingFixed: (amount) => say("restockingFixed", { amount }),
    restockingExempt: (withdrawal) => say("restockingExempt", { withdrawal: yes(withdrawal) }),
    refundTrigger: table(say, "refundTrigger", REFUND_TRIGGERS),

    cancelFull: one("cancelFull"),
    cancelNone: one("cancelNone"),
    cancelPart: (percent) => say("cancelPart", { percent }),
    cancelBefore: (refund, time) => say("cancelBefore", { refund, time }),
    cancelLater: (refund) => say("cancelLater", { refund }),
    cancelAnytime: (refund) => say("cancelAnytime", { refund }),
    cancelGoods: one("cancelGoods"),

    noPolicy: one("noPolicy"),
    applicableLaw: (place) => say("applicableLaw", { place }),
    noRight: one("noRight"),
    noNationalRight: one("noNationalRight"),
    changeOfMindByPolicy: one("changeOfMindByPolicy"),
    rightAlways: (period) => say("rightAlways", { period }),
    rightIfNoPolicy: (period) => say("rightIfNoPolicy", { period }),
    rightIfNotDisclosed: (period) => say("rightIfNotDisclosed", { period }),
    defaultReplaced: one("defaultReplaced"),
    defaultApplies: one("defaultApplies"),
    periodStart: (start, countFrom) => say("periodStart", { start, countFrom }),
    beforeStart: one("beforeStart"),
    rollForward: (enabled) => say("rollForward", { enabled: yes(enabled) }),
    metBy: table(say, "metBy", ["dispatch", "arrival"] as const),
    notInformed: (kind, duration) => say("notInformed", { kind, duration }),
    notInformedNotStarted: one("notInformedNotStarted"),
    lateInformation: (period) => say("lateInformation", { period }),
    sendBackWithin: (period) => say("sendBackWithin", { period }),
    withdrawalReturnCost: table(say, "withdrawalReturnCost", WITHDRAWAL_COSTS),
    triggers: table(say, "triggers", STATUTORY_TRIGGERS),
    withdrawalRefund: (period, trigger) =>
      period === null
        ? say("withdrawalRefundImmediate", { trigger })
        : say("withdrawalRefund", { period, trigger }),
    noRefundDeadline: one("noRefundDeadline"),
    outbound: (kind, whole) => say("outbound", { kind, whole: yes(whole) }),
    withhold: one("withhold"),
    lawExcludes: (list) => say("lawExcludes", { list }),
    sealedOnly: (list) => say("sealedOnly", { list }),
    conditions: table(say, "conditions", CONDITION_KEYS),

    guaranteePeriod: (duration) =>
      duration === null ? say("guaranteePeriodNone") : say("guaranteePeriod", { duration }),
    shortTermReject: (duration) => say("shortTermReject", { duration }),
    shortTermOther: (duration) => say("shortTermOther", { duration }),
    remedies: table(say, "remedies", REMEDIES),
    guaranteeReturnCost: table(say, "guaranteeReturnCost", ["customer", "merchant"] as const),
    guaranteeRefund: (period, trigger) =>
      period === null
        ? say("guaranteeRefundImmediate", { trigger })
        : say("guaranteeRefund", { period, trigger }),
  };
}
