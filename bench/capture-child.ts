/**
 * One case of the capture scenario, in a fresh process: `node bench/capture-child.ts <stdoutBytes>
 * <stderrBytes>`. Loads the real runner, has it run a command that prints that much text, and writes one JSON
 * line: this process's peak RSS (the kernel's high-water mark and a sampled peak) and what the runner kept.
 * The baseline is the same script with `0 0`: identical module load, identical command, nothing printed.
 */
import { tmpdir } from 'node:os';
import { createCommandRunner, DEFAULT_MAX_STREAM_BYTES } from '../src/exec/command-runner.ts';
import type { CapturedStream } from '../src/exec/types.ts';

/**
 * The command: `node -e` writing text lines in 1 MiB writes, honouring backpressure, to stdout and stderr at
 * once. Each stream starts with `BEGIN-<name>` and ends with `END-<name>`, so head and tail can be checked.
 */
const PRINTER = `
const line = Buffer.from('keel capture bench: the quick brown fox jumps over the lazy dog 0123456789\\n');
const block = Buffer.alloc(1 << 20, line);
const pump = (stream, name, total) => {
  let sent = 0;
  const go = () => {
    while (sent < total) {
      const size = Math.min(block.length, total - sent);
      let data = block.subarray(0, size);
      if (sent === 0 || sent + size === total) {
        data = Buffer.from(data);
        if (sent === 0) data.write('BEGIN-' + name + '\\n', 0);
        if (sent + size === total) data.write('\\nEND-' + name, size - name.length - 5);
      }
      sent += size;
      if (!stream.write(data)) return stream.once('drain', go);
    }
  };
  go();
};
const [out, err] = process.argv.slice(1).map(Number);
pump(process.stdout, 'stdout', out);
pump(process.stderr, 'stderr', err);
`;

const SAMPLE_MS = 5;

const [outBytes, errBytes] = process.argv.slice(2).map(Number) as [number, number];
const runner = createCommandRunner();
const rssBefore = process.memoryUsage.rss();
let sampledPeak = rssBefore;
let samples = 0;
const sample = (): void => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  samples++;
};
const sampler = setInterval(sample, SAMPLE_MS);
const started = performance.now();
const result = await runner.run({
  command: process.execPath,
  args: ['-e', PRINTER, String(outBytes), String(errBytes)],
  cwd: tmpdir(),
  timeoutMs: 600_000,
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
sample();
process.stdout.write(
  `${JSON.stringify({
    exitCode: result.exitCode,
    error: result.error,
    seconds,
    rssBefore,
    sampledPeak,
    samples,
    // Linux reports KiB.
    maxRss: process.resourceUsage().maxRSS * 1024,
    stdout: check(result.stdout, 'stdout', outBytes),
    stderr: check(result.stderr, 'stderr', errBytes),
  })}\n`,
);

/** What the runner kept of one stream, and whether it is what the bound promises. */
function check(stream: CapturedStream, name: string, printed: number): Record<string, unknown> {
  const marker = /\n…\[(\d+) bytes omitted\]…\n/.exec(stream.text);
  const omitted = marker ? Number(marker[1]) : 0;
  const kept = Buffer.byteLength(stream.text) - (marker ? Buffer.byteLength(marker[0]) : 0);
  const complete =
    printed === 0 || (stream.text.startsWith(`BEGIN-${name}\n`) && stream.text.endsWith(`END-${name}`));
  return {
    printed,
    seen: stream.totalBytes,
    kept,
    omitted,
    truncated: stream.truncated,
    ok:
      stream.totalBytes === printed &&
      kept + omitted === printed &&
      kept <= DEFAULT_MAX_STREAM_BYTES &&
      stream.truncated === printed > DEFAULT_MAX_STREAM_BYTES &&
      complete,
  };
}
