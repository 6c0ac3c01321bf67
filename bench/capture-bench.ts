/**
 * capture — peak RSS of a process whose command runner runs a command printing 1 GiB, against the same
 * runner on the same command printing nothing. Each case is a fresh `node bench/capture-child.ts` (same
 * executable, same module load: the real runner from src/exec), so the only difference is the output. The
 * cases alternate round by round. Two 1 GiB cases: all of it on stdout, and 512 MiB on each stream at once.
 *
 * Peak RSS is the kernel's high-water mark for the child (`resourceUsage().maxRSS`, so transient garbage
 * counts), with the peak of `memoryUsage.rss()` sampled every 5 ms beside it. The delta is the median of a
 * case minus the median of the baseline, in MB (10^6 bytes). Each round also checks what the runner kept:
 * every byte counted, head + tail ≤ 64 KiB per stream, the first and the last line both there.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { emit, percentileOf, round } from './lib/measure.ts';

const CHILD = fileURLToPath(new URL('./capture-child.ts', import.meta.url));
const GIB = 1 << 30;
const MB = 1e6;

interface StreamCheck {
  printed: number;
  seen: number;
  kept: number;
  omitted: number;
  truncated: boolean;
  ok: boolean;
}

interface ChildReport {
  exitCode: number | null;
  error?: string;
  seconds: number;
  rssBefore: number;
  sampledPeak: number;
  samples: number;
  maxRss: number;
  stdout: StreamCheck;
  stderr: StreamCheck;
}

const CASES = {
  baseline: [0, 0],
  stdout1GiB: [GIB, 0],
  split1GiB: [GIB / 2, GIB / 2],
} as const satisfies Record<string, readonly [number, number]>;
type CaseName = keyof typeof CASES;

export async function capture(rounds: number): Promise<void> {
  const names = Object.keys(CASES) as CaseName[];
  const reports: Record<CaseName, ChildReport[]> = { baseline: [], stdout1GiB: [], split1GiB: [] };
  for (let i = 0; i < rounds; i++) {
    // Rotate the order too, so no case always runs right after another.
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      const [stdoutBytes, stderrBytes] = CASES[name];
      reports[name].push(await runCase(stdoutBytes, stderrBytes));
    }
  }
  const baseline = summary(reports.baseline);
  const cases = {
    stdout1GiB: caseSummary(reports.stdout1GiB, reports.baseline),
    split1GiB: caseSummary(reports.split1GiB, reports.baseline),
  };
  emit({
    scenario: 'capture',
    rounds,
    command: 'node -e: text lines in 1 MiB writes with backpressure',
    bound: 'head + tail <= 64 KiB per stream',
    baseline,
    ...cases,
    rssDeltaMB: Math.max(cases.stdout1GiB.rssDeltaMB, cases.split1GiB.rssDeltaMB),
    sampledDeltaMB: Math.max(cases.stdout1GiB.sampledDeltaMB, cases.split1GiB.sampledDeltaMB),
    bounded: reports.stdout1GiB.concat(reports.split1GiB).every((r) => r.stdout.ok && r.stderr.ok),
    target: 'rssDeltaMB <= 5',
  });
}

function summary(reports: ChildReport[]): { maxRssMB: number; sampledPeakMB: number; startRssMB: number } {
  return {
    maxRssMB: mb(median(reports.map((r) => r.maxRss))),
    sampledPeakMB: mb(median(reports.map((r) => r.sampledPeak))),
    startRssMB: mb(median(reports.map((r) => r.rssBefore))),
  };
}

function caseSummary(reports: ChildReport[], baseline: ChildReport[]) {
  const last = reports.at(-1)!;
  const stream = ({ seen, kept, omitted }: StreamCheck) => ({ seen, kept, omitted });
  return {
    ...summary(reports),
    rssDeltaMB: mb(median(reports.map((r) => r.maxRss)) - median(baseline.map((r) => r.maxRss))),
    sampledDeltaMB: mb(
      median(reports.map((r) => r.sampledPeak)) - median(baseline.map((r) => r.sampledPeak)),
    ),
    // Round by round, against the baseline of the same round: how noisy the figure above is.
    roundDeltasMB: reports.map((r, i) => mb(r.maxRss - baseline[i]!.maxRss)),
    p50Seconds: round(median(reports.map((r) => r.seconds))),
    stdout: stream(last.stdout),
    stderr: stream(last.stderr),
  };
}

/** One fresh process running one case; rejects if the command or the check went wrong. */
function runCase(stdoutBytes: number, stderrBytes: number): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, String(stdoutBytes), String(stderrBytes)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      try {
        if (code !== 0) throw new Error(`capture child exited with ${code}`);
        const report = JSON.parse(out) as ChildReport;
        if (report.exitCode !== 0) throw new Error(`command failed: ${report.error ?? report.exitCode}`);
        resolve(report);
      } catch (error) {
        reject(new Error(`${(error as Error).message}\n${err}`));
      }
    });
  });
}

function median(values: number[]): number {
  return percentileOf(values, 50);
}

function mb(bytes: number): number {
  return round(bytes / MB, 2);
}
