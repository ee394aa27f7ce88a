import type { SecretBox } from "../../app/ports/index.ts";
import type { PortalDetails } from "../../domain/return-case.ts";

type Json = Readonly<Record<string, unknown>>;

/**
 * Bank details at rest (issue 8 point 13): a settlement's `bank_account` and a case's
 * `portal.payoutAccount` keep only what is not personal in clear — the scheme, country, masked form
 * and the payout flags — and the whole account (holder, IBAN, BIC, account numbers…) sealed with the
 * field cipher (`SecretBox`, AES-256-GCM with a key id) under `sealed`. Rows written before this (all in
 * clear) are still read as they are, and re-sealed on start-up by `resealAtRest` (reseal.ts).
 */
const CLEAR = ["scheme", "country", "masked", "manualPayout", "sepaReachable"] as const;

export interface BankSeal {
  readonly keyId: string;
  /** The stored form of an account (null stays null). */
  seal(account: Json | null | undefined): Json | null;
  /**
   * The account as the use cases know it. A value sealed under a key that is not configured opens to
   * its clear part with `unreadable: true` (nothing can be paid from it; the key must come back).
   */
  open(stored: unknown): Json | null;
  /** True when the stored value needs no re-sealing: null, or sealed under the current key. */
  isCurrent(stored: unknown): boolean;
  /** A JSON value (a stored idempotent response) as `{ sealed }`, and back; values in clear read as they are. */
  sealValue(value: unknown): Json;
  openValue(stored: unknown): unknown;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const sealedText = (v: unknown): string | null =>
  isObject(v) && typeof v.sealed === "string" ? v.sealed : null;

export function bankSeal(box: SecretBox): BankSeal {
  return {
    keyId: box.keyId,
    seal(account) {
      if (!account) return null;
      if (sealedText(account) !== null) return account;
      if (account.unreadable === true)
        throw new Error(
          "bank details sealed under an encryption key that is not configured cannot be stored again",
        );
      const clear: Record<string, unknown> = {};
      for (const k of CLEAR) if (account[k] !== undefined) clear[k] = account[k];
      return { ...clear, sealed: box.encrypt(JSON.stringify(account)) };
    },
    open(stored) {
      if (!isObject(stored)) return null;
      const sealed = sealedText(stored);
      if (sealed === null) return stored;
      try {
        const inner: unknown = JSON.parse(box.decrypt(sealed));
        return isObject(inner) ? inner : null;
      } catch {
        const { sealed: _, ...clear } = stored;
        return { ...clear, unreadable: true };
      }
    },
    isCurrent(stored) {
      if (!isObject(stored)) return true;
      const sealed = sealedText(stored);
      return sealed !== null && box.keyIdOf(sealed) === box.keyId;
    },
    sealValue(value) {
      return { sealed: box.encrypt(JSON.stringify(value ?? null)) };
    },
    openValue(stored) {
      if (!isObject(stored) || Object.keys(stored).length !== 1) return stored;
      const sealed = sealedText(stored);
      return sealed === null ? stored : JSON.parse(box.decrypt(sealed));
    },
  };
}

/** A case's portal details as stored: the payout account sealed. */
export function sealPortal(seal: BankSeal, portal: PortalDetails | null | undefined): PortalDetails | null {
  if (!portal) return null;
  return portal.payoutAccount ? { ...portal, payoutAccount: seal.seal(portal.payoutAccount) } : portal;
}

export function openPortal(seal: BankSeal, stored: unknown): PortalDetails | null {
  const portal = (stored as PortalDetails | null) ?? null;
  return portal?.payoutAccount ? { ...portal, payoutAccount: seal.open(portal.payoutAccount) } : portal;
}
