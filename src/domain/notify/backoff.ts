/** Delay before retry number `attempt` (1 = after the first failure): base · 2^(attempt−1), capped. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  const n = Math.max(1, Math.floor(attempt));
  const exp = Math.min(n - 1, 40);
  return Math.min(maxMs, baseMs * 2 ** exp);
}
