/**
 * The EU "withdrawal function" (Consumer Rights Directive 2011/83/EU, Art. 11a, inserted by Directive
 * (EU) 2023/2673, applicable from 19 June 2026): a clearly labelled way to withdraw online in two steps,
 * and an acknowledgement of receipt with the content, date and time of the withdrawal.
 */
import { EU_MEMBERS } from "../logistics/territories.ts";

/** EU member states and the other EEA states (Iceland, Liechtenstein, Norway), where the directive applies. */
export const EU_EEA_COUNTRIES: readonly string[] = [...EU_MEMBERS, "IS", "LI", "NO"];

export const WITHDRAWAL_FUNCTION_CITATION =
  "Directive 2011/83/EU Art. 11a (as amended by Directive (EU) 2023/2673)";

export function offersWithdrawalFunction(shippingCountry: string): boolean {
  return EU_EEA_COUNTRIES.includes(shippingCountry.toUpperCase());
}

/** What the shopper declared, as stored on the case and shown back as the acknowledgement. */
export interface WithdrawalDeclaration {
  readonly declaredAt: string;
  readonly orderExternalId: string;
  readonly consumer: { readonly name: string; readonly email: string };
  readonly lines: readonly {
    readonly orderLineExternalId: string;
    readonly sku: string;
    readonly title: string;
    readonly quantity: number;
  }[];
  /** The locale the shopper saw the two steps in. */
  readonly locale: string;
  readonly citation: string;
}
