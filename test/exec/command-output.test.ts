/**
 * How the runner reads output: into one reused buffer over sockets it makes itself (no garbage per read),
 * each command's streams wired to that command only, the setup leaving nothing behind, and plain pipes when
 * the sockets cannot be made.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommandRunner } from '../../src/exec/command-runner.ts';
import type { CommandSpec } from '../../src/exec/types.ts';
import { nodeScript } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'keel-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runner = createCommandRunner({ killGraceMs: 200 });

function node(script: string, extra: Partial<CommandSpec> = {}): CommandSpec {
  return { ...nodeScript(script), cwd: dir, timeoutMs: 30_000, ...extra };
}

/** Prints `mib` MiB of `fill` on stdout, then `end`, with backpressure. */
function printer(mib: number, fill = 'x', end = 'END'): string {
  return `
    const block = Buffer.alloc(1 << 20, ${JSON.stringify(fill)});
    let i = 0;
    const go = () => {
      while (i < ${mib}) {
        i++;
        if (!process.stdout.write(block)) return process.stdout.once('drain', go);
      }
      process.stdout.write(${JSON.stringify(end)});
    };
    go();`;
}

/** Runs `body` with TMPDIR set to `value` (os.tmpdir() reads it on every call). */
async function withTmpdir<T>(value: string, body: () => Promise<T>): Promise<T> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = value;
  try {
    return await body();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

describe('reading output', () => {
  it('does not allocate a buffer per read: array-buffer memory stays flat without any collection', async () => {
    // Node's default read path allocates 64 KiB per read and V8 collects that only after some 64 MB of it,
    // so a reader that used it would show tens of MB here. No gc() is forced on purpose.
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 2);
    const result = await runner.run(node(printer(256))).finally(() => clearInterval(sampler));
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.totalBytes).toBe(256 * (1 << 20) + 3);
    expect(result.stdout.text.endsWith('xEND')).toBe(true);
    expect(peak - before).toBeLessThan(8 * 1024 * 1024);
  });

  it('keeps every command to its own streams when many run at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        runner.run(
          node(`${printer(1, `<${i}>`, `END-${i}`)}; process.stderr.write('err-${i}'.repeat(5000))`),
        ),
      ),
    );
    results.forEach((result, i) => {
      expect(result.exitCode).toBe(0);
      expect(result.stdout.totalBytes).toBe((1 << 20) + `END-${i}`.length);
      expect(result.stdout.text.startsWith(`<${i}><${i}>`)).toBe(true);
      expect(result.stdout.text.endsWith(`END-${i}`)).toBe(true);
      expect(result.stdout.text.replaceAll(`<${i}>`, '')).not.toMatch(/<\d+>/);
      expect(result.stderr.totalBytes).toBe(`err-${i}`.length * 5000);
      expect(result.stderr.text.replaceAll(`err-${i}`, '')).toBe('');
    });
  });

  it('leaves nothing in the temporary directory', async () => {
    const temp = mkdtempSync(join(dir, 'tmp-'));
    const result = await withTmpdir(temp, () => runner.run(node('console.log("hi")')));
    expect(result.stdout.text).toBe('hi\n');
    expect(readdirSync(temp)).toEqual([]);
  });

  it.each([
    ['a TMPDIR that does not exist', join(dir, 'missing', 'tmp')],
    ['a TMPDIR too long for a socket path', (): string => mkdtempSync(join(dir, 'x'.repeat(120)))],
  ])('falls back to plain pipes, still bounded, with %s', async (_, temp) => {
    const path = typeof temp === 'string' ? temp : temp();
    const result = await withTmpdir(path, () =>
      runner.run(node(`${printer(8)}; process.stderr.write("oops")`, { maxStreamBytes: 1000 })),
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatchObject({ totalBytes: 8 * (1 << 20) + 3, truncated: true });
    expect(result.stdout.text).toMatch(/^x{500}\n…\[\d+ bytes omitted\]…\nx{497}END$/);
    expect(result.stderr).toEqual({ text: 'oops', totalBytes: 4, truncated: false });
  });

  it('ends a command that keeps printing at its timeout', async () => {
    const result = await runner.run(
      node('const b = Buffer.alloc(65536, "y"); const go = () => process.stdout.write(b, go); go()', {
        timeoutMs: 300,
      }),
    );
    expect(result.timedOut).toBe(true);
    expect(result.stdout.truncated).toBe(true);
    expect(Buffer.byteLength(result.stdout.text)).toBeLessThan(64 * 1024 + 100);
  });
});
