/**
 * The runner against real processes: exit codes and signals, spawn failures, stdin, env, the process-group
 * kill (a command that ignores SIGTERM, its grandchildren, leftovers holding the pipes), bounded capture of
 * 100 MB, and redaction.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommandRunner, shellCommand } from '../../src/exec/command-runner.ts';
import type { CommandSpec } from '../../src/exec/types.ts';
import { isAlive, nodeScript, waitForExit } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'keel-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function node(script: string, extra: Partial<CommandSpec> = {}): CommandSpec {
  return { ...nodeScript(script), cwd: dir, timeoutMs: 10_000, ...extra };
}

const runner = createCommandRunner({ killGraceMs: 200 });

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('exit codes, signals, spawn failures', () => {
  it('reports the exit code and both streams', async () => {
    const result = await runner.run(node('console.log("out"); console.error("err"); process.exit(3)'));
    expect(result).toMatchObject({ exitCode: 3, signal: null, timedOut: false, aborted: false });
    expect(result.stdout).toEqual({ text: 'out\n', totalBytes: 4, truncated: false });
    expect(result.stderr.text).toBe('err\n');
    expect(result.error).toBeUndefined();
  });

  it('reports death by a signal', async () => {
    const result = await runner.run(node('process.kill(process.pid, "SIGKILL")'));
    expect(result).toMatchObject({ exitCode: null, signal: 'SIGKILL', timedOut: false });
  });

  it('reports a command that does not exist, without throwing', async () => {
    const result = await runner.run({
      command: 'keel-no-such-command-xyz',
      args: [],
      cwd: dir,
      timeoutMs: 5000,
    });
    expect(result.exitCode).toBeNull();
    expect(result.error).toMatch(/ENOENT/);
  });

  it('names the directory when the cwd does not exist', async () => {
    const result = await runner.run(node('1', { cwd: join(dir, 'missing') }));
    expect(result.error).toMatch(/ENOENT.*missing/);
  });

  it('passes arguments literally: no shell sees them', async () => {
    const marker = join(dir, 'injected');
    const args = [`$(touch ${marker})`, '; touch ' + marker, '`touch x`'];
    const result = await runner.run({
      command: process.execPath,
      args: ['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', ...args],
      cwd: dir,
      timeoutMs: 5000,
    });
    expect(JSON.parse(result.stdout.text)).toEqual(args);
    expect(existsSync(marker)).toBe(false);
  });

  it('shellCommand runs an owner-written line through /bin/sh -c', async () => {
    const spec = shellCommand('echo a && echo b | tr a-z A-Z', dir, 5000);
    expect(spec).toEqual({
      command: '/bin/sh',
      args: ['-c', 'echo a && echo b | tr a-z A-Z'],
      cwd: dir,
      timeoutMs: 5000,
    });
    expect((await runner.run(spec)).stdout.text).toBe('a\nB\n');
  });
});

describe('stdin and environment', () => {
  const echoStdin =
    'let s=""; process.stdin.on("data", d => s += d); process.stdin.on("end", () => console.log("got:" + s))';

  it('writes input and closes stdin', async () => {
    expect((await runner.run(node(echoStdin, { input: 'hello' }))).stdout.text).toBe('got:hello\n');
  });

  it('gives an immediate end of input when there is no input', async () => {
    expect((await runner.run(node(echoStdin))).stdout.text).toBe('got:\n');
  });

  it('does not fail when the child ignores its input', async () => {
    const result = await runner.run(node('process.exit(0)', { input: 'x'.repeat(1 << 20) }));
    expect(result.exitCode).toBe(0);
  });

  it('merges env over process.env; undefined removes a variable', async () => {
    process.env.KEEL_TEST_INHERITED = 'inherited';
    process.env.KEEL_TEST_REMOVED = 'present';
    try {
      const script =
        'console.log([process.env.KEEL_TEST_INHERITED, process.env.KEEL_TEST_REMOVED, process.env.KEEL_TEST_ADDED].join(","))';
      const result = await runner.run(
        node(script, { env: { KEEL_TEST_REMOVED: undefined, KEEL_TEST_ADDED: 'added' } }),
      );
      expect(result.stdout.text).toBe('inherited,,added\n');
    } finally {
      delete process.env.KEEL_TEST_INHERITED;
      delete process.env.KEEL_TEST_REMOVED;
    }
  });
});

describe('stopping a command: the whole process group', () => {
  // The child ignores SIGTERM and starts a grandchild that ignores it too, then reports the grandchild's pid.
  const stubborn = `
    const { spawn } = require('node:child_process');
    process.on('SIGTERM', () => {});
    const gc = spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'], { stdio: 'inherit' });
    console.log('grandchild ' + gc.pid);
    setInterval(() => {}, 1000);`;

  it('kills a command that ignores SIGTERM at its timeout (SIGKILL after the grace), grandchildren included', async () => {
    const result = await runner.run(node(stubborn, { timeoutMs: 1500 }));
    expect(result).toMatchObject({ timedOut: true, aborted: false, exitCode: null, signal: 'SIGKILL' });
    const grandchild = Number(/grandchild (\d+)/.exec(result.stdout.text)?.[1]);
    expect(grandchild).toBeGreaterThan(0);
    expect(await waitForExit(grandchild)).toBe(true);
  });

  it('stops at SIGTERM when the command honours it', async () => {
    const result = await runner.run(node('setInterval(() => {}, 1000)', { timeoutMs: 300 }));
    expect(result).toMatchObject({ timedOut: true, signal: 'SIGTERM', exitCode: null });
  });

  it('stops the group when the caller aborts', async () => {
    const ready = join(dir, 'ready-abort');
    const script = `
      const { spawn } = require('node:child_process');
      const gc = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      require('node:fs').writeFileSync(${JSON.stringify(ready)}, String(gc.pid));
      setInterval(() => {}, 1000);`;
    const controller = new AbortController();
    const running = runner.run(node(script), { signal: controller.signal });
    while (!existsSync(ready) || readFileSync(ready, 'utf8') === '')
      await new Promise((r) => setTimeout(r, 10));
    const grandchild = Number(readFileSync(ready, 'utf8'));
    expect(isAlive(grandchild)).toBe(true);
    controller.abort();
    const result = await running;
    expect(result).toMatchObject({ aborted: true, timedOut: false, exitCode: null, signal: 'SIGTERM' });
    expect(await waitForExit(grandchild)).toBe(true);
  });

  it('does not start a command when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const marker = join(dir, 'never-written');
    const result = await runner.run(
      node(`require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')`),
      {
        signal: controller.signal,
      },
    );
    expect(result).toMatchObject({ aborted: true, exitCode: null });
    expect(existsSync(marker)).toBe(false);
  });

  it('ends leftovers that keep the pipes open after the command itself exited', async () => {
    const script = `
      const { spawn } = require('node:child_process');
      const gc = spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'], { stdio: 'inherit' });
      console.log('grandchild ' + gc.pid);
      process.exit(0);`;
    const result = await runner.run(node(script, { timeoutMs: 30_000 }));
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    const grandchild = Number(/grandchild (\d+)/.exec(result.stdout.text)?.[1]);
    expect(await waitForExit(grandchild)).toBe(true);
  });
});

describe('bounded capture', () => {
  it('keeps 64 KiB per stream of 100 MB, counts every byte, and does not buffer it', async () => {
    const script = `
      const chunk = Buffer.alloc(1 << 20, 'x');
      chunk.write('HEAD-START', 0);
      const pump = (stream, last, done) => {
        let i = 0;
        const go = () => {
          while (i < 100) {
            i++;
            const data = i === 100 ? Buffer.concat([chunk.subarray(0, chunk.length - last.length), Buffer.from(last)]) : chunk;
            if (!stream.write(data)) return stream.once('drain', go);
          }
          done();
        };
        go();
      };
      pump(process.stdout, 'OUT-END', () => {});
      pump(process.stderr, 'ERR-END', () => {});`;
    // Each pipe read allocates a fresh 64 KiB buffer that is garbage at once; V8 collects such external
    // memory only after some 64 MB of it, and a collector timer cannot run while the loop is busy with a burst
    // of reads. So the tight check is what is *retained* after a collection (the two captures); the RSS check
    // is loose, but buffering either stream (100 MB, on top of that garbage) would still break it.
    gc();
    const before = process.memoryUsage();
    const collector = setInterval(gc, 20);
    const result = await runner
      .run(node(script, { timeoutMs: 60_000 }))
      .finally(() => clearInterval(collector));
    const rssGrowth = process.memoryUsage().rss - before.rss;
    gc();
    const retained = process.memoryUsage().arrayBuffers - before.arrayBuffers;
    expect(result.exitCode).toBe(0);
    for (const [stream, end] of [
      [result.stdout, 'OUT-END'],
      [result.stderr, 'ERR-END'],
    ] as const) {
      expect(stream.totalBytes).toBe(100 * (1 << 20));
      expect(stream.truncated).toBe(true);
      const marker = /\n…\[(\d+) bytes omitted\]…\n/.exec(stream.text)!;
      expect(Number(marker[1])).toBe(100 * (1 << 20) - 64 * 1024);
      expect(Buffer.byteLength(stream.text)).toBeLessThanOrEqual(64 * 1024 + Buffer.byteLength(marker[0]));
      expect(stream.text.startsWith('HEAD-START')).toBe(true);
      expect(stream.text.endsWith(end)).toBe(true);
    }
    expect(rssGrowth).toBeLessThan(100 * 1024 * 1024);
    expect(retained).toBeLessThan(1024 * 1024); // the two 64 KiB captures, not 200 MB
  });

  it('honours a per-command bound', async () => {
    const result = await runner.run(node('process.stdout.write("x".repeat(5000))', { maxStreamBytes: 100 }));
    expect(result.stdout.totalBytes).toBe(5000);
    expect(result.stdout.text).toMatch(/^x{50}\n…\[4900 bytes omitted\]…\nx{50}$/);
  });
});

describe('redaction', () => {
  const canary = 'canary-7f3a9c2e1d5b';
  const redacting = createCommandRunner({ secrets: () => [canary], killGraceMs: 200 });

  it('redacts secret values and token patterns in both streams', async () => {
    const leak = `key=${canary} gh=ghp_${'A'.repeat(36)} pat=github_pat_${'b'.repeat(30)} auth: Bearer abc.def sk=sk-proj-123456789 url=https://user:hunter2@example.com/repo.git`;
    const result = await redacting.run(
      node(`console.log(${JSON.stringify(leak)}); console.error(${JSON.stringify(leak)})`),
    );
    for (const text of [result.stdout.text, result.stderr.text]) {
      expect(text).toContain('[REDACTED]');
      for (const secret of [canary, 'ghp_', 'github_pat_', 'abc.def', 'sk-proj', 'hunter2'])
        expect(text).not.toContain(secret);
    }
  });

  it('redacts a secret cut in two by the omitted middle, on both sides of the cut', async () => {
    // Bound 1000: head 500 bytes, tail 500 bytes. One key straddles the head's end, one the tail's start.
    const script = `
      const k = ${JSON.stringify(canary)};
      process.stdout.write('a'.repeat(490) + k + 'b'.repeat(5000) + k + 'c'.repeat(490));`;
    const result = await createCommandRunner({ secrets: () => [canary], maxStreamBytes: 1000 }).run(
      node(script),
    );
    expect(result.stdout.truncated).toBe(true);
    for (const piece of [canary.slice(0, 8), canary.slice(-8), canary.slice(2, 10)]) {
      expect(result.stdout.text).not.toContain(piece);
    }
    expect(result.stdout.text.split('[REDACTED]')).toHaveLength(3);
  });
});
