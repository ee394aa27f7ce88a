import { STEPS, type StepTime } from "./report-figures.ts";

/**
 * Processing-time percentiles from the rollup's histograms. Durations are counted in buckets 5 %
 * wide (with their sum); each case's duration is taken as its bucket's mean, and the percentile is
 * interpolated between neighbours as PostgreSQL's percentile_cont does. Exact when a bucket holds
 * equal durations; otherwise within the bucket's width (5 %).
 */
export interface StepBucket {
  readonly step: string;
  readonly bucket: number;
  readonly cases: number;
  readonly seconds: number;
}

function percentile(buckets: readonly StepBucket[], total: number, q: number): number {
  const rank = q * (total - 1);
  const valueAt = (i: number): number => {
    let seen = 0;
    for (const b of buckets) {
      seen += b.cases;
      if (i < seen) return b.seconds / b.cases;
    }
    const last = buckets.at(-1);
    return last ? last.seconds / last.cases : 0;
  };
  const lo = Math.floor(rank);
  const low = valueAt(lo);
  return low + (rank - lo) * (valueAt(Math.ceil(rank)) - low);
}

export function stepTimesFromBuckets(rows: readonly StepBucket[]): StepTime[] {
  return STEPS.map((st) => {
    const buckets = rows.filter((r) => r.step === st.step && r.cases > 0).sort((a, b) => a.bucket - b.bucket);
    const cases = buckets.reduce((n, b) => n + b.cases, 0);
    if (cases === 0) return { ...st, cases, p50Seconds: null, p90Seconds: null };
    return {
      ...st,
      cases,
      p50Seconds: Math.round(percentile(buckets, cases, 0.5)),
      p90Seconds: Math.round(percentile(buckets, cases, 0.9)),
    };
  });
}
