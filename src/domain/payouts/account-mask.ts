import type { PixKey } from "./pix-key.ts";

/** Groups of four, as IBANs are printed ("DE89 3704 0044 0532 0130 00"). */
export const groupsOfFour = (s: string): string => s.replace(/(.{4})(?=.)/g, "$1 ");

/**
 * An IBAN for display: country and check digits, then stars, then the last four characters, in
 * groups of four: DE89370400440532013000 → "DE89 **** **** **** **30 00".
 */
export function maskIban(iban: string): string {
  if (iban.length <= 8) return groupsOfFour(iban);
  return groupsOfFour(iban.slice(0, 4) + "*".repeat(iban.length - 8) + iban.slice(-4));
}

/** Stars and the last four characters; a fixed number of stars, so the length does not show. */
export const lastFour = (s: string): string => `****${s.slice(-4)}`;

export const maskSortCode = (sortCode: string, accountNumber: string): string =>
  `${sortCode.slice(0, 2)}-${sortCode.slice(2, 4)}-${sortCode.slice(4)} ${lastFour(accountNumber)}`;

export const maskClabe = (clabe: string): string => `${clabe.slice(0, 3)} ${lastFour(clabe)}`;

export function maskPixKey({ keyType, key }: PixKey): string {
  switch (keyType) {
    case "cpf": // the masking Brazilian services show: ***.456.789-**
      return `***.${key.slice(3, 6)}.${key.slice(6, 9)}-**`;
    case "cnpj": // a public company registration number
      return `${key.slice(0, 2)}.${key.slice(2, 5)}.${key.slice(5, 8)}/${key.slice(8, 12)}-${key.slice(12)}`;
    case "phone":
      return `+55 ${key.slice(3, 5)} ${lastFour(key)}`;
    case "email": {
      const at = key.indexOf("@");
      return `${key.slice(0, 1)}***${key.slice(at)}`;
    }
    case "evp":
      return `${key.slice(0, 8)}-****-****-****-********${key.slice(-4)}`;
  }
}

/** Free-text account details: every digit but the last four becomes a star. */
export function maskDigits(text: string): string {
  const total = (text.match(/[0-9]/g) ?? []).length;
  let seen = 0;
  return text.replace(/[0-9]/g, (d) => (++seen > total - 4 ? d : "*"));
}
