/** Check-digit algorithms of national account and tax identifiers. Inputs are already normalised. */

const digitsOf = (s: string): number[] => [...s].map((c) => c.charCodeAt(0) - 48);

/**
 * US ABA routing number: 9 digits whose weighted sum 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a
 * multiple of 10, and whose first two digits are a Federal Reserve prefix (00–12, 21–32, 61–72,
 * or 80 for traveler's cheques).
 */
export function isValidAbaRoutingNumber(routing: string): boolean {
  if (!/^[0-9]{9}$/.test(routing)) return false;
  const prefix = Number(routing.slice(0, 2));
  const knownPrefix =
    prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = digitsOf(routing).reduce((acc, d, i) => acc + d * (weights[i] ?? 0), 0);
  return knownPrefix && sum % 10 === 0;
}

/**
 * Mexican CLABE check digit for the first 17 digits: each digit times 3, 7, 1 (repeating), each
 * product taken mod 10, summed; the check digit is (10 − sum mod 10) mod 10.
 */
export function clabeCheckDigit(first17: string): number {
  const weights = [3, 7, 1];
  const sum = digitsOf(first17).reduce((acc, d, i) => acc + ((d * (weights[i % 3] ?? 0)) % 10), 0);
  return (10 - (sum % 10)) % 10;
}

export const isValidClabe = (clabe: string): boolean =>
  /^[0-9]{18}$/.test(clabe) && clabeCheckDigit(clabe.slice(0, 17)) === Number(clabe[17]);

/** Brazilian CPF (individual taxpayer number): 11 digits, two mod-11 check digits, not all equal. */
export function isValidCpf(cpf: string): boolean {
  if (!/^[0-9]{11}$/.test(cpf) || /^(\d)\1{10}$/.test(cpf)) return false;
  const d = digitsOf(cpf);
  const check = (n: number): number => {
    const sum = d.slice(0, n).reduce((acc, x, i) => acc + x * (n + 1 - i), 0);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === d[9] && check(10) === d[10];
}

/**
 * Brazilian CNPJ (company number): 12 base characters and two mod-11 check digits with weights
 * 5,4,3,2,9,8,7,6,5,4,3,2 (then 6,5,4,…). Since July 2026 the base may be alphanumeric; each
 * character counts as its ASCII code minus 48, so digits keep their value.
 */
export function isValidCnpj(cnpj: string): boolean {
  if (!/^[0-9A-Z]{12}[0-9]{2}$/.test(cnpj) || /^(\d)\1{13}$/.test(cnpj)) return false;
  const v = digitsOf(cnpj);
  const check = (n: number): number => {
    const weights = n === 12 ? [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] : [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const sum = v.slice(0, n).reduce((acc, x, i) => acc + x * (weights[i] ?? 0), 0);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  return check(12) === v[12] && check(13) === v[13];
}
