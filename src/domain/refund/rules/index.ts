/**
 * The refund-line rules, in the order their lines appear. Each sees the lines of the rules before
 * it (restocking and the bonus take the item value; the cap looks at everything).
 */
import type { RefundRule } from "../refund-context.ts";
import { duties } from "./duties.ts";
import { exchangeDifference } from "./exchange-difference.ts";
import { feesCapped } from "./fees-capped.ts";
import { goodwill } from "./goodwill.ts";
import { itemLines } from "./item-lines.ts";
import { outboundShipping } from "./outbound-shipping.ts";
import { restockingFee } from "./restocking-fee.ts";
import { returnShippingFee } from "./return-shipping-fee.ts";
import { storeCreditBonus } from "./store-credit-bonus.ts";

export const REFUND_RULES: readonly RefundRule[] = [
  itemLines,
  outboundShipping,
  duties,
  restockingFee,
  returnShippingFee,
  storeCreditBonus,
  exchangeDifference,
  goodwill,
  feesCapped,
];
