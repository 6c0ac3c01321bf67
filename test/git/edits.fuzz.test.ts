/**
 * Fuzz: seeded random change sets of hostile paths and contents against a real workspace full of traps
 * (links out, dangling links, a link up the tree, a `.git` directory, workflows). After every call:
 * - nothing outside the workspace changed (a full snapshot of the workspace's parent, the sentinel beside
 *   it included: paths, kinds, sizes, mtimes, inodes, content hashes, link targets);
 * - inside, only paths `checkEditPath` accepted changed (plus the directories they needed), exactly the
 *   ones reported in `changed`, and nothing at all when the call failed;
 * - problems are printable (no raw control characters, bounded length).
 *
 * Replay a failure with KEEL_EDITS_FUZZ_SEED=<seed> (KEEL_EDITS_FUZZ_RUNS to change the run length).
 */
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Edit } from '../../src/git/edit.ts';
import { checkEditPath, type EditPolicy } from '../../src/git/edit-rules.ts';
import { applyEdits } from '../../src/git/safe-edits.ts';
import { mulberry32 } from '../config/helpers.ts';

const SEED = Number(process.env.KEEL_EDITS_FUZZ_SEED ?? 0x6b65656c);
const RUNS = Number(process.env.KEEL_EDITS_FUZZ_RUNS ?? 2500);
/** The workspace is rebuilt every so often, so its snapshot stays small and the traps come back. */
const RESET_EVERY = 250;

let base: string;
let ws: string;

beforeAll(async () => {
  base = realpathSync(await mkdtemp(path.join(tmpdir(), 'keel-edits-fuzz-')));
  ws = path.join(base, 'ws');
  const files: Record<string, string> = {
    'outside/secret.txt': 'secret\n',
    'outside/dir/keep.txt': 'keep\n',
    'outside/.git/config': '[core]\n',
    'beside.txt': 'beside\n',
  };
  for (const [relative, content] of Object.entries(files)) put(path.join(base, relative), content);
  buildWorkspace();
});
afterAll(() => rm(base, { recursive: true, force: true }));

function put(absolute: string, content: string): void {
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, content);
}

function buildWorkspace(): void {
  rmSync(ws, { recursive: true, force: true });
  const files: Record<string, string> = {
    'src/a.ts': 'export const a = 1;\nexport const b = 2;\n',
    'src/deep/b.ts': 'b\nbb\nbbb\n',
    'README.md': '# readme\n\u00e9t\u00e9 \u{1f600}\n',
    '.git/config': '[core]\n\tbare = false\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.github/workflows/ci.yml': 'on: push\n',
  };
  for (const [relative, content] of Object.entries(files)) put(path.join(ws, relative), content);
  symlinkSync('../outside', path.join(ws, 'out'));
  symlinkSync(path.join(base, 'outside'), path.join(ws, 'abs-link'));
  symlinkSync('../outside/secret.txt', path.join(ws, 'secret-link'));
  symlinkSync('../outside/nope.txt', path.join(ws, 'dangling'));
  symlinkSync('../outside/new-dir', path.join(ws, 'dangling-dir'));
  symlinkSync('src', path.join(ws, 'alias'));
  symlinkSync('../../..', path.join(ws, 'src/deep/up'));
}

type Signature = string;

/** Every entry under `root` (not following links), keyed by its path relative to `root`. */
function snapshot(root: string, skip?: string): Map<string, Signature> {
  const out = new Map<string, Signature>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (full === skip) continue;
      const relative = path.relative(root, full).split(path.sep).join('/');
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) {
        out.set(relative, `link ${readlinkSync(full)} ${stats.mtimeMs}`);
      } else if (stats.isDirectory()) {
        // A directory's own mtime moves with its entries; inside the workspace that is expected.
        out.set(relative, skip === undefined ? 'dir' : `dir ${stats.mtimeMs} ${stats.mode}`);
        walk(full);
      } else {
        const hash = createHash('sha256').update(readFileSync(full)).digest('hex');
        out.set(relative, `file ${stats.size} ${stats.mtimeMs} ${stats.ino} ${stats.mode} ${hash}`);
      }
    }
  };
  walk(root);
  return out;
}

// ---- generators ----------------------------------------------------------------------------------------

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

const BENIGN = [
  'src',
  'a.ts',
  'deep',
  'b.ts',
  'new',
  'docs',
  'README.md',
  'file.txt',
  'e\u0301t\u00e9.md',
  '%2e%2e',
  '..foo',
  'x.yml',
];
const HOSTILE = [
  '..',
  '.',
  '',
  '.git',
  '.GiT',
  '.GIT',
  'git~1',
  '.git.',
  '.git ',
  '.git::$INDEX_ALLOCATION',
  '\uff0e\uff0e',
  '\u2025',
  '..\u2215',
  '..\u2215x',
  '\uff0e\uff47\uff49\uff54',
  '.g\u0131t',
  '\0',
  'a\0b',
  '\n',
  'a\nb',
  '\u202e',
  'x'.repeat(256),
  'y'.repeat(255),
  'out',
  'abs-link',
  'secret-link',
  'dangling',
  'dangling-dir',
  'alias',
  'up',
  '\\',
  '..\\..',
  'C:',
  '\ud800',
  '.github',
  'workflows',
  'outside',
  'secret.txt',
  '...',
  'a.',
  ' ',
];
const WHOLE = [
  '.github/workflows/x.yml',
  '.github/workflows/ci.yml',
  '.GITHUB/workflows/ci.yml',
  'src/deep/up/outside/secret.txt',
  'src/deep/up/beside.txt',
  'out/secret.txt',
  'out/dir/keep.txt',
  'abs-link/new.txt',
  'alias/a.ts',
  'a/../../outside/secret.txt',
  'src/../../beside.txt',
  '.git/config',
  '.git/hooks/pre-commit',
  'sub/.git/hooks/x',
  Array.from({ length: 22 }, () => 'd'.repeat(190)).join('/'),
];

function genPath(rng: Rng): string {
  const roll = rng();
  if (roll < 0.12) return pick(rng, WHOLE);
  const hostile = roll > 0.6;
  const segments = Array.from({ length: int(rng, 1, 4) }, () =>
    pick(rng, hostile && rng() < 0.5 ? HOSTILE : BENIGN),
  );
  const separator = hostile && rng() < 0.15 ? pick(rng, ['\\', '//', '/./', '/../']) : '/';
  let prefix = '';
  let suffix = '';
  if (hostile && rng() < 0.3) {
    prefix = pick(rng, [
      '/',
      'C:\\',
      'c:/',
      '\\\\server\\share\\',
      `${base}/outside/`,
      `${ws}/`,
      `${base}/`,
      './',
      '../',
      '../../',
    ]);
  }
  if (hostile && rng() < 0.1) suffix = pick(rng, ['/', '/.', '\0', '\n']);
  return prefix + segments.join(separator) + suffix;
}

function genContent(rng: Rng, policy: EditPolicy): string {
  const roll = rng();
  if (roll < 0.7)
    return Array.from({ length: int(rng, 0, 40) }, () =>
      pick(rng, ['a', 'b', ' ', '\n', '\u00e9', '\u{1f600}', '$&', 'xyz']),
    ).join('');
  if (roll < 0.76) return 'a\0b';
  if (roll < 0.82) return 'z'.repeat(policy.maxFileBytes + int(rng, -2, 2));
  if (roll < 0.9)
    return Buffer.from(Array.from({ length: int(rng, 1, 64) }, () => int(rng, 0, 255))).toString('latin1');
  if (roll < 0.94) return 'half \ud83d';
  return 'q'.repeat(Math.floor(policy.maxTotalBytes / 3) + 1);
}

/** Usually a file that exists now, so some replaces and deletes succeed. */
function existingFile(rng: Rng, current: Map<string, Signature>): string | undefined {
  // The git directory is hostile ground the path generator already covers; mostly pick ordinary files.
  const gitToo = rng() < 0.1;
  const files = [...current]
    .filter(([p, sig]) => sig.startsWith('file ') && (gitToo || !p.startsWith('.git/')))
    .map(([p]) => p);
  return files.length > 0 ? pick(rng, files) : undefined;
}

function genEdit(rng: Rng, policy: EditPolicy, current: Map<string, Signature>): Edit {
  const kind = pick(rng, ['write', 'write', 'replace', 'delete'] as const);
  const existing = rng() < 0.5 ? existingFile(rng, current) : undefined;
  const target = existing ?? genPath(rng);
  if (kind === 'write') return { kind, path: target, content: genContent(rng, policy) };
  if (kind === 'delete') return { kind, path: target };
  let search = pick(rng, ['', 'a', 'nope', 'export', '\0']);
  if (existing !== undefined && rng() < 0.7) {
    const text = readFileSync(path.join(ws, existing), 'utf8');
    const at = int(rng, 0, Math.max(0, text.length - 1));
    search = text.slice(at, at + int(rng, 1, 12));
  }
  return { kind, path: target, search, replace: genContent(rng, policy) };
}

function genPolicy(rng: Rng): EditPolicy {
  return {
    allowWorkflows: rng() < 0.2,
    maxFileBytes: pick(rng, [16, 256, 4096]),
    maxTotalBytes: pick(rng, [64, 1024, 16_384]),
    maxEdits: pick(rng, [1, 3, 8]),
  };
}

// ---- the run --------------------------------------------------------------------------------------------

it('never changes anything outside the workspace, nor anything checkEditPath refused', async () => {
  const rng = mulberry32(SEED);
  const outsideBefore = snapshot(base, ws);
  const stats = { ok: 0, changed: 0, refused: 0 };
  let workspaceNow = snapshot(ws);

  for (let iteration = 0; iteration < RUNS; iteration++) {
    if (iteration > 0 && iteration % RESET_EVERY === 0) {
      buildWorkspace();
      workspaceNow = snapshot(ws);
    }
    const policy = genPolicy(rng);
    // One edit too many now and then; the bound is checked before anything else, so more would hide the rest.
    const count = rng() < 0.1 ? policy.maxEdits + 1 : int(rng, 1, policy.maxEdits);
    const edits = Array.from({ length: count }, () => genEdit(rng, policy, workspaceNow));
    try {
      const accepted = new Set<string>();
      let refusedPaths = 0;
      for (const edit of edits) {
        const checked = checkEditPath(ws, edit.path, policy);
        if (!checked.ok) refusedPaths += 1;
        if (checked.ok) {
          expectSafe(checked.relative, policy);
          accepted.add(checked.relative);
          expect(checked.absolute).toBe(path.join(ws, checked.relative));
        }
      }
      const result = await applyEdits(ws, edits, policy);

      expect(snapshot(base, ws)).toEqual(outsideBefore);
      const after = snapshot(ws);
      const touched = diff(workspaceNow, after);
      for (const relative of [...touched.files, ...touched.dirs]) expectSafe(relative, policy);
      if (result.ok) {
        stats.ok += 1;
        // All or nothing: a change set with one refused path is never applied in part.
        expect(refusedPaths, 'change set applied despite a refused path').toBe(0);
        stats.changed += result.changed.length;
        expect(result.changed).toEqual([...result.changed].sort());
        for (const relative of result.changed) expect(accepted).toContain(relative);
        expect(touched.files.sort()).toEqual([...result.changed].sort());
        expectBoundedText(
          result.changed.filter((relative) => after.has(relative)),
          policy,
        );
        for (const dir of touched.dirs) {
          expect(
            [...accepted].some((p) => p.startsWith(`${dir}/`)),
            `directory ${dir}`,
          ).toBe(true);
        }
      } else {
        stats.refused += 1;
        expect(touched).toEqual({ files: [], dirs: [] });
        for (const problem of result.problems) {
          expect(problem.index).toBeGreaterThanOrEqual(-1);
          expect(problem.index).toBeLessThanOrEqual(edits.length);
          expect(problem.path.length).toBeLessThan(200);
          expect(problem.path).not.toMatch(/[\p{Cc}\p{Cf}]/u);
          expect(problem.reason).not.toMatch(/[\p{Cc}]/u);
          expect(problem.reason.length).toBeGreaterThan(0);
        }
      }
      workspaceNow = after;
    } catch (error) {
      const shown = JSON.stringify(edits, (_key, value: unknown) =>
        typeof value === 'string' && value.length > 300 ? `${value.slice(0, 40)}…(${value.length})` : value,
      );
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `edits fuzz failed at iteration ${iteration}; replay with KEEL_EDITS_FUZZ_SEED=${SEED}\n` +
          `policy: ${JSON.stringify(policy)}\nedits: ${shown}\n${message}`,
        { cause: error },
      );
    }
  }
  // The run must exercise the write path, not only refusals.
  expect(stats.ok).toBeGreaterThan(RUNS / 10);
  expect(stats.changed).toBeGreaterThan(RUNS / 10);
  expect(stats.refused).toBeGreaterThan(RUNS / 10);
});

/**
 * An oracle written independently of the implementation, deliberately naive: what a path that may be
 * written (or a directory that may be created) must never look like.
 */
function expectSafe(relative: string, policy: EditPolicy): void {
  const why = `unsafe path accepted or touched: ${JSON.stringify(relative)}`;
  expect(relative, why).not.toMatch(/^\/|^[a-z]:|\\|\p{Cc}/iu);
  const segments = relative.split('/');
  for (const segment of segments) {
    expect(['', '.', '..'], why).not.toContain(segment);
    expect(
      segment
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[:].*$/, '')
        .replace(/[. ]+$/, ''),
      why,
    ).not.toBe('.git');
  }
  if (!policy.allowWorkflows) expect(relative.toLowerCase(), why).not.toMatch(/^\.github\/workflows(\/|$)/);
  // No link on the way, the last component included, looked up afresh.
  let current = ws;
  for (const segment of segments) {
    current = path.join(current, segment);
    const stats = lstatSync(current, { throwIfNoEntry: false });
    if (stats === undefined) break;
    expect(stats.isSymbolicLink(), why).toBe(false);
  }
}

/** What was written (deleted paths left out) is text within the bounds: UTF-8, no NUL, per file and in all. */
function expectBoundedText(changed: readonly string[], policy: EditPolicy): void {
  let total = 0;
  for (const relative of changed) {
    const bytes = readFileSync(path.join(ws, relative));
    const why = `written file ${JSON.stringify(relative)}`;
    expect(bytes.includes(0), why).toBe(false);
    expect(bytes.length, why).toBeLessThanOrEqual(policy.maxFileBytes);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), why).not.toThrow();
    total += bytes.length;
  }
  expect(total).toBeLessThanOrEqual(policy.maxTotalBytes);
}

/** Files (and links) that appeared, changed or vanished; directories that appeared or vanished. */
function diff(
  before: Map<string, Signature>,
  after: Map<string, Signature>,
): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a === b) continue;
    if (a === 'dir' || b === 'dir') dirs.push(key);
    else files.push(key);
  }
  return { files, dirs };
}
