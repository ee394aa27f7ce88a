export async function runBenchmarks(): Promise<number> {
  return 0;
}
