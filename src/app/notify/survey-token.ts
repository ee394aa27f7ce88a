import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Deps } from "../ports/index.ts";

/**
 * The survey link's token: the case and merchant, signed (HMAC-SHA256) with a key generated once
 * per installation and kept in the database. It grants one thing: answering that case's survey.
 */
const KEY = "survey-token-key";

export function surveyKey(deps: Deps): Promise<string> {
  return deps.store.read.portal.secret(KEY, () => randomBytes(32).toString("base64url"), deps.clock.now());
}

/** The key for checking a link: none yet means no link was ever made (and checking creates none). */
export const existingSurveyKey = (deps: Deps): Promise<string | null> =>
  deps.store.read.portal.existingSecret(KEY);

/** HMAC-SHA256 truncated to 128 bits: the link stays short (a path segment under 100 characters). */
const mac = (payload: string, key: string) =>
  createHmac("sha256", key).update(`survey.${payload}`).digest().subarray(0, 16).toString("base64url");

/** The merchant's and the case's UUIDs as 32 bytes. */
export function signSurvey(t: { caseId: string; merchantId: string }, key: string): string {
  const payload = Buffer.from(`${t.merchantId}${t.caseId}`.replaceAll("-", ""), "hex").toString("base64url");
  return `${payload}.${mac(payload, key)}`;
}

const uuid = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/** The case a token names, or null when it is forged or malformed. */
export function verifySurvey(token: string, key: string): { caseId: string; merchantId: string } | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length !== 32) return null;
  const hex = bytes.toString("hex");
  return { merchantId: uuid(hex.slice(0, 32)), caseId: uuid(hex.slice(32)) };
}
