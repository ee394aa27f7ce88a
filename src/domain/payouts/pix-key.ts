import { err, ok, type Result } from "../result.ts";
import { isValidCnpj, isValidCpf } from "./account-checks.ts";

/** The five kinds of key the Brazilian central bank's DICT directory registers for Pix. */
export type PixKeyType = "cpf" | "cnpj" | "phone" | "email" | "evp";

export interface PixKey {
  readonly keyType: PixKeyType;
  /** As DICT stores it: CPF/CNPJ without punctuation, phone as +55…, e-mail and EVP in lower case. */
  readonly key: string;
}

const EVP = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Recognises and checks a Pix key. A bare 11-digit number is a CPF (a phone number must start
 * with +55), 14 characters a CNPJ (alphanumeric since July 2026), anything with "@" an e-mail
 * address (at most 77 characters), a UUID a random key (EVP).
 */
export function parsePixKey(raw: string): Result<PixKey, string> {
  const text = raw.trim();
  if (text === "") return err("is required");
  if (text.includes("@")) {
    const email = text.toLowerCase();
    if (email.length > 77 || !EMAIL.test(email)) return err("is not a valid e-mail address for a Pix key");
    return ok({ keyType: "email", key: email });
  }
  if (EVP.test(text.toLowerCase())) return ok({ keyType: "evp", key: text.toLowerCase() });
  if (text.startsWith("+")) {
    const phone = text.replace(/[\s().-]/g, "");
    if (!phone.startsWith("+55")) return err("a Pix phone key is a Brazilian number starting with +55");
    if (!/^\+55[1-9][0-9][0-9]{8,9}$/.test(phone)) {
      return err("a Pix phone key is +55, a two-digit area code and an 8- or 9-digit number");
    }
    return ok({ keyType: "phone", key: phone });
  }
  const id = text.replace(/[.\-/\s]/g, "").toUpperCase();
  if (/^[0-9]{11}$/.test(id)) {
    return isValidCpf(id)
      ? ok({ keyType: "cpf", key: id })
      : err("is not a valid CPF: the check digits do not match");
  }
  if (/^[0-9A-Z]{12}[0-9]{2}$/.test(id)) {
    return isValidCnpj(id)
      ? ok({ keyType: "cnpj", key: id })
      : err("is not a valid CNPJ: the check digits do not match");
  }
  return err("must be a CPF, a CNPJ, a phone number (+55…), an e-mail address or a random key (UUID)");
}
