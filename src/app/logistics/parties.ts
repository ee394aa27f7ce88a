import type { Order } from "../../domain/order.ts";
import type { Customer } from "../ports/index.ts";
import type { LocationRecord, PostalParty } from "./ports.ts";

/** The shopper as the sender of a return parcel (the order's shipping address). */
export function shopperParty(order: Order, customer: Customer | null): PostalParty {
  const a = order.shippingAddress;
  return {
    name: customer?.name ?? customer?.email ?? "",
    line1: a.line1 ?? "",
    city: a.city ?? "",
    postalCode: a.postalCode ?? "",
    region: a.region,
    country: a.country,
    email: customer?.email ?? null,
    phone: null,
  };
}

/** A location as the recipient. */
export function locationParty(l: LocationRecord): PostalParty {
  const a = l.address;
  return {
    name: a.name ?? l.name,
    line1: a.line1 ?? "",
    city: a.city ?? "",
    postalCode: a.postalCode ?? "",
    region: a.region ?? null,
    country: l.country,
    email: a.email ?? null,
    phone: a.phone ?? null,
  };
}
