/** The error record: stderr's tail within 8 KiB, the command line redacted and quoted. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandErrorRecord, createCommandRunner, formatCommandLine } from '../../src/exec/command-runner.ts';
import type { CommandResult, CommandSpec } from '../../src/exec/types.ts';
import { nodeScript } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'keel-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const canary = 'canary-0b1c2d3e4f5a';
const runner = createCommandRunner({ secrets: () => [canary] });

describe('commandErrorRecord', () => {
  it('keeps the last 8 KiB of stderr, where the error is, and says how much was cut', async () => {
    const script = `process.stderr.write('é'.repeat(30000) + '\\nfatal: the real error\\n'); process.exit(2)`;
    const spec: CommandSpec = { ...nodeScript(script), cwd: dir, timeoutMs: 10_000 };
    const result = await runner.run(spec);
    const record = commandErrorRecord(spec, result);
    expect(Buffer.byteLength(record.stderr)).toBeLessThanOrEqual(8 * 1024);
    expect(Buffer.byteLength(record.stderr)).toBeGreaterThan(8 * 1024 - 64);
    expect(record.stderr.endsWith('fatal: the real error\n')).toBe(true);
    expect(record.stderr).toMatch(/^…\[\d+ bytes omitted\]…\n/);
    expect(record.stderr).not.toContain('\uFFFD');
    const omitted = Number(/\[(\d+) bytes omitted\]/.exec(record.stderr)![1]);
    const kept = Buffer.byteLength(record.stderr.slice(record.stderr.indexOf('\n') + 1));
    expect(omitted + kept).toBe(result.stderr.totalBytes);
    expect(record).toMatchObject({ exitCode: 2, signal: null, timedOut: false });
  });

  it('redacts secrets in the command line and in stderr', async () => {
    const spec: CommandSpec = {
      command: process.execPath,
      args: [
        '-e',
        `console.error('token ${canary}'); process.exit(1)`,
        `--url=https://x:${canary}@example.com`,
        'Bearer abcdefgh',
      ],
      cwd: dir,
      timeoutMs: 10_000,
    };
    const result = await runner.run(spec);
    expect(result.stderr.text).not.toContain(canary);
    const record = commandErrorRecord(spec, result, [canary]);
    expect(record.command).not.toContain(canary);
    expect(record.command).not.toContain('abcdefgh');
    expect(record.stderr).toContain('[REDACTED]');
    // Without the value list, patterns still catch the URL credential and the bearer token.
    const patternsOnly = commandErrorRecord(spec, result);
    expect(patternsOnly.command).not.toContain(`x:${canary}@`);
    expect(patternsOnly.command).not.toContain('abcdefgh');
  });

  it('records a spawn failure', () => {
    const spec: CommandSpec = { command: 'nope', args: [], cwd: dir, timeoutMs: 1 };
    const result: CommandResult = {
      exitCode: null,
      signal: null,
      timedOut: false,
      aborted: false,
      stdout: { text: '', totalBytes: 0, truncated: false },
      stderr: { text: '', totalBytes: 0, truncated: false },
      durationMs: 1,
      error: 'spawn nope ENOENT',
    };
    expect(commandErrorRecord(spec, result)).toMatchObject({
      command: 'nope',
      error: 'spawn nope ENOENT',
      stderr: '',
    });
  });
});

describe('formatCommandLine', () => {
  it('quotes what a shell would split or expand', () => {
    expect(formatCommandLine({ command: 'git', args: ['commit', '-m', "it's a $HOME", ''] })).toBe(
      `git commit -m 'it'\\''s a $HOME' ''`,
    );
  });
});
