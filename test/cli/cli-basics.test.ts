/**
 * What the `keel` executable promises before any command does its work: `--version`, `--help` on every
 * command (never running it), an output pipe closed early (`keel status | head -1`) without a stack, defaults
 * found at the repository's root from any folder of it, and one clear line outside a repository or in one
 * without a commit.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFatal } from '../../src/base/errors.ts';
import { nodeVersionProblem } from '../../src/base/node-version.ts';
import { runCli } from '../../src/cli/index.ts';
import { findRepoRoot } from '../../src/git/repo-root.ts';
import { captureIO } from '../helpers/cli-io.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src', 'cli.ts');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const COMMANDS = [
  'init',
  'doctor',
  'probe',
  'run',
  'ask',
  'status',
  'sim',
  'schema',
  'demo',
  'lane',
  'guard',
  'daemon',
  'gc',
];
const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'keel-cli-basics-')));
  dirs.push(dir);
  return dir;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, ...GIT_ENV } });
}

const CONFIG = `version: 1
endpoints:
  - { id: lan, url: "http://127.0.0.1:9/v1", kind: local, timeouts: { connectMs: 500 } }
roles:
  planner: [lan/m]
  coder: [lan/m]
  reviewer: [lan/m]
`;

describe('keel --version and --help', () => {
  it('prints the version of package.json', async () => {
    for (const flag of ['--version', '-V', 'version']) {
      const { io, stdout } = captureIO();
      expect(await runCli([flag], io)).toBe(0);
      expect(stdout()).toBe(`keel ${VERSION}\n`);
    }
  });

  it.each(COMMANDS)('keel %s --help prints its usage and does nothing else', async (name) => {
    const { io, stdout, stderr } = captureIO({}, tempDir());
    expect(await runCli([name, '--help'], io)).toBe(0);
    expect(stdout()).toMatch(new RegExp(`^usage: keel ${name}\\b`));
    expect(stderr()).toBe('');
  });

  it('keel demo with an argument it does not know is a usage error, not a demo', async () => {
    const { io, stderr } = captureIO();
    expect(await runCli(['demo', '--fast'], io)).toBe(2);
    expect(stderr()).toMatch(/^keel demo: unexpected argument "--fast"/);
  });

  it('keel demo --keep belongs to the run demo: with router it is a usage error', async () => {
    const { io, stderr } = captureIO();
    expect(await runCli(['demo', 'router', '--keep'], io)).toBe(2);
    expect(stderr()).toMatch(/^keel demo: --keep is for the run demo/);
    const other = captureIO();
    expect(await runCli(['demo', '--keep', 'extra'], other.io)).toBe(2);
    expect(other.stderr()).toMatch(/^keel demo: unexpected argument "extra"/);
  });
});

describe('the Node it needs', () => {
  it('refuses anything below 24 in one line and accepts 24 and later', () => {
    expect(nodeVersionProblem('v20.20.2')).toBe('keel needs Node ≥ 24 (found v20.20.2)');
    expect(nodeVersionProblem('v22.1.0')).toBe('keel needs Node ≥ 24 (found v22.1.0)');
    expect(nodeVersionProblem('v24.0.0')).toBeUndefined();
    expect(nodeVersionProblem('v26.3.1')).toBeUndefined();
  });
});

describe('output into a closed pipe', () => {
  it('keel status | head -1: a reader that went away ends nothing with a stack', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'keel.yml'), CONFIG);
    const child = spawn(process.execPath, [CLI, 'status'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader goes away before keel writes a byte: its first write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('the repository around the working directory', () => {
  it('finds the root from a folder deep inside it, and nothing outside one', () => {
    const root = tempDir();
    git(root, 'init', '--quiet');
    mkdirSync(join(root, 'src', 'deep'), { recursive: true });
    expect(findRepoRoot(join(root, 'src', 'deep'))).toBe(root);
    expect(findRepoRoot(root)).toBe(root);
    expect(findRepoRoot(tempDir())).toBeUndefined();
  });

  it('keel probe in a subfolder reads the configuration at the root', async () => {
    const root = tempDir();
    git(root, 'init', '--quiet');
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github', 'keel.yml'), CONFIG);
    mkdirSync(join(root, 'src', 'deep'), { recursive: true });
    const { io, stdout } = captureIO({}, join(root, 'src', 'deep'));
    await runCli(['probe', '--json'], io);
    const report = JSON.parse(stdout()) as { endpoints: { id: string }[] };
    expect(report.endpoints.map((e) => e.id)).toEqual(['lan']);
  });

  it('keel status in a subfolder lists the runs of the root .keel/', async () => {
    const root = tempDir();
    git(root, 'init', '--quiet');
    const runDir = join(root, '.keel', 'runs', 'r-1');
    mkdirSync(runDir, { recursive: true });
    writeFileSync(
      join(runDir, 'manifest.json'),
      JSON.stringify({ runId: 'r-1', status: 'completed', task: 'x', updatedAt: 1, steps: {} }),
    );
    mkdirSync(join(root, 'docs'));
    const inside = captureIO({}, join(root, 'docs'));
    const outside = captureIO({}, tempDir());
    await runCli(['status', '--json'], inside.io);
    await runCli(['status', '--json'], outside.io);
    const runsOf = (text: string) => (JSON.parse(text) as { runs: unknown[] }).runs.length;
    expect(runsOf(outside.stdout())).toBe(0);
    expect(runsOf(inside.stdout())).toBe(1);
  });
});

describe('keel run where there is nothing to branch from', () => {
  const run = async (cwd: string): Promise<string> => {
    writeFileSync(join(cwd, 'keel.yml'), CONFIG);
    const { io } = captureIO({}, cwd);
    const error = await runCli(['run', '--task', 'x'], io).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const printed = formatFatal(error);
    // One line, no stack.
    expect(printed.trimEnd().split('\n')).toHaveLength(1);
    return printed;
  };

  it('outside a git repository says so', async () => {
    expect(await run(tempDir())).toMatch(/^keel: .* is not inside a git repository/);
  });

  it('in a repository without a commit says so', async () => {
    const dir = tempDir();
    git(dir, 'init', '--quiet');
    expect(await run(dir)).toMatch(/^keel: the repository at .* has no commit yet/);
  });
});
