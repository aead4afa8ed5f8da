/** Percentile of a sample (nearest-rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

export async function timeEach(iterations: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

/**
 * Wall time and this process's CPU time (user + system) per call, in ms. CPU time tells what
 * a call costs when the machine is shared: wall time then includes waiting for a core.
 */
export async function timeEachWithCpu(iterations: number, fn: (i: number) => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    await fn(i);
    const used = process.cpuUsage(cpuStart);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

export function ms(n: number): string {
  return n < 1 ? n.toFixed(3) : n.toFixed(2);
}
