/**
 * `Effects` as files under `<runDir>/effects/`, for the CLI outside GitHub, tests and chaos drills:
 * `issues/<n>.json`, `comments/<n>.json`, `pulls/<n>.json` (issues and pull requests share one numbering,
 * as on GitHub). The recovery issue (marker step `recovery`) is also rendered to `<runDir>/recovery.md`
 * for the human who opens the state directory.
 *
 * Safe under SIGKILL at any instant:
 * - a record is written with its marker in ONE atomic write, so it is either fully there or not at all;
 * - looking the marker up, allocating the number and writing the record happen in one section under an
 *   inter-process lock, so neither parallel calls nor a resumed process create a second record for a
 *   marker, and two records never get the same number;
 * - numbers come from the records present (highest + 1), not from a counter file that could disagree;
 * - a temp file left by a killed writer is never read as a record, and is swept under the lock (every
 *   write here happens under it, so a temp seen while holding it is an orphan).
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { systemClock, type Clock } from '../base/clock.ts';
import { neutralizeForPublish } from '../base/publish-text.ts';
import { redact as redactText } from '../base/secrets.ts';
import { errorMessage } from '../base/errors.ts';
import { isTempFile, readJsonFile, writeFileAtomic } from '../base/atomic-file.ts';
import type { EffectRef, Effects, IssueSpec, PullRequestSpec } from './effects.ts';
import { FileLock, LockTimeoutError, type LockEvent } from '../base/file-lock.ts';
import { EFFECTS_DIR, RECOVERY_FILE } from '../base/state-layout.ts';

export const RECOVERY_STEP = 'recovery';

type Kind = 'issues' | 'comments' | 'pulls';

export interface IssueRecord {
  number: number;
  marker: string;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  comments: { body: string; at: number }[];
  createdAt: number;
  updatedAt: number;
}

export interface CommentRecord {
  number: number;
  marker: string;
  body: string;
  createdAt: number;
  updatedAt: number;
}

export interface PullRequestRecord extends PullRequestSpec {
  number: number;
  state: 'open' | 'closed';
  createdAt: number;
  updatedAt: number;
}

export type LocalEffectsEvent = LockEvent | { type: 'effects_mirror_failed'; file: string; error: string };

export interface LocalEffectsOptions {
  runDir: string;
  clock?: Clock;
  /** Applied to titles, bodies and comments (never to markers). Default: bearer tokens and `sk-…` keys. */
  redact?: (text: string) => string;
  lockAttempts?: number;
  lockBackoffMs?: number;
  staleLockMs?: number;
  log?: (event: LocalEffectsEvent) => void;
}

interface Found<R> {
  record: R;
  path: string;
}

export class LocalEffects implements Effects {
  readonly runDir: string;
  readonly dir: string;
  readonly #clock: Clock;
  readonly #redact: (text: string) => string;
  readonly #lock: FileLock;
  readonly #log: (event: LocalEffectsEvent) => void;

  constructor(options: LocalEffectsOptions) {
    this.runDir = options.runDir;
    this.dir = join(options.runDir, EFFECTS_DIR);
    this.#clock = options.clock ?? systemClock;
    this.#redact = options.redact ?? ((text) => redactText(text, []));
    this.#log = options.log ?? (() => undefined);
    this.#lock = new FileLock({
      path: join(this.dir, '.lock'),
      clock: this.#clock,
      ...(options.lockAttempts !== undefined ? { attempts: options.lockAttempts } : {}),
      ...(options.lockBackoffMs !== undefined ? { backoffMs: options.lockBackoffMs } : {}),
      ...(options.staleLockMs !== undefined ? { staleMs: options.staleLockMs } : {}),
      log: this.#log,
    });
  }

  ensureIssue(spec: IssueSpec): Promise<EffectRef> {
    return this.#locked(async () => {
      const found = await this.#find<IssueRecord>('issues', spec.marker);
      if (found) {
        await this.#mirror(found.record);
        return ref(found.path, false);
      }
      return this.#createIssue(spec);
    });
  }

  upsertIssue(spec: IssueSpec): Promise<EffectRef> {
    return this.#locked(async () => {
      const found = await this.#find<IssueRecord>('issues', spec.marker);
      if (!found) return this.#createIssue(spec);
      const body = this.#clean(spec.body, spec.marker);
      const record =
        found.record.body === body ? found.record : { ...found.record, body, updatedAt: this.#clock.now() };
      if (record !== found.record) await writeRecord(found.path, record);
      await this.#mirror(record);
      return ref(found.path, false);
    });
  }

  closeIssue(marker: string, comment: string): Promise<EffectRef | undefined> {
    return this.#locked(async () => {
      const found = await this.#find<IssueRecord>('issues', marker);
      if (!found) return undefined;
      let record = found.record;
      if (record.state !== 'closed') {
        const at = this.#clock.now();
        const comments = Array.isArray(record.comments) ? record.comments : [];
        record = {
          ...record,
          state: 'closed',
          comments: [...comments, { body: this.#clean(comment), at }],
          updatedAt: at,
        };
        await writeRecord(found.path, record);
      }
      await this.#mirror(record);
      return ref(found.path, false);
    });
  }

  upsertComment(marker: string, body: string): Promise<EffectRef> {
    return this.#locked(async () => {
      const text = this.#clean(body, marker);
      const found = await this.#find<CommentRecord>('comments', marker);
      if (found) {
        if (found.record.body !== text) {
          await writeRecord(found.path, { ...found.record, body: text, updatedAt: this.#clock.now() });
        }
        return ref(found.path, false);
      }
      const number = await this.#nextNumber(['comments']);
      const at = this.#clock.now();
      const record: CommentRecord = { number, marker, body: text, createdAt: at, updatedAt: at };
      const path = this.#path('comments', number);
      await writeRecord(path, record);
      return ref(path, true);
    });
  }

  ensurePullRequest(spec: PullRequestSpec): Promise<EffectRef> {
    return this.#locked(async () => {
      const found = await this.#find<PullRequestRecord>('pulls', spec.marker);
      if (found) return ref(found.path, false);
      const number = await this.#nextNumber(['issues', 'pulls']);
      const at = this.#clock.now();
      const record: PullRequestRecord = {
        number,
        marker: spec.marker,
        title: this.#clean(spec.title),
        body: this.#clean(spec.body, spec.marker),
        head: spec.head,
        base: spec.base,
        draft: spec.draft,
        labels: [...spec.labels],
        state: 'open',
        createdAt: at,
        updatedAt: at,
      };
      const path = this.#path('pulls', number);
      await writeRecord(path, record);
      return ref(path, true);
    });
  }

  /** Every issue record (for tests and `keel status`), in number order. */
  async issues(): Promise<IssueRecord[]> {
    return (await this.#records<IssueRecord>('issues')).map((f) => f.record);
  }

  async pulls(): Promise<PullRequestRecord[]> {
    return (await this.#records<PullRequestRecord>('pulls')).map((f) => f.record);
  }

  async comments(): Promise<CommentRecord[]> {
    return (await this.#records<CommentRecord>('comments')).map((f) => f.record);
  }

  async #createIssue(spec: IssueSpec): Promise<EffectRef> {
    const number = await this.#nextNumber(['issues', 'pulls']);
    const at = this.#clock.now();
    const record: IssueRecord = {
      number,
      marker: spec.marker,
      title: this.#clean(spec.title),
      body: this.#clean(spec.body, spec.marker),
      labels: [...spec.labels],
      state: 'open',
      comments: [],
      createdAt: at,
      updatedAt: at,
    };
    const path = this.#path('issues', number);
    await writeRecord(path, record);
    await this.#mirror(record);
    return ref(path, true);
  }

  /**
   * What the GitHub publisher would write: the publish sanitiser, then the redaction, with the record's own
   * marker (which the sanitiser, removing every HTML comment, would take too) put back last.
   */
  #clean(text: string, marker?: string): string {
    const had = marker !== undefined && text.includes(marker);
    const cleaned = this.#redact(neutralizeForPublish(had ? text.replaceAll(marker, '') : text)).trimEnd();
    return had ? `${cleaned}${cleaned === '' ? '' : '\n\n'}${marker}` : cleaned;
  }

  async #locked<T>(work: () => Promise<T>): Promise<T> {
    const result = await this.#lock.withLock(work);
    if (!result.ok) throw new LockTimeoutError(this.#lock.path, result);
    return result.value;
  }

  #path(kind: Kind, number: number): string {
    return join(this.dir, kind, `${number}.json`);
  }

  /** Record files by number; orphaned temp files are removed on the way (callers hold the lock). */
  async #numbers(kind: Kind, sweep: boolean): Promise<number[]> {
    let names: string[];
    try {
      names = await readdir(join(this.dir, kind));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const numbers: number[] = [];
    for (const name of names) {
      const match = /^(\d{1,15})\.json$/.exec(name);
      if (match) numbers.push(Number(match[1]));
      else if (sweep && isTempFile(name)) await unlink(join(this.dir, kind, name)).catch(() => undefined);
    }
    return numbers.sort((a, b) => a - b);
  }

  async #records<R extends { marker: string }>(kind: Kind, sweep = false): Promise<Found<R>[]> {
    const found: Found<R>[] = [];
    for (const number of await this.#numbers(kind, sweep)) {
      const path = this.#path(kind, number);
      const read = await readJsonFile(path);
      // Only ever written whole, so a record that does not parse was damaged from outside: it is not
      // anybody's marker, but its number stays taken (the file name counts, not its content).
      if (!read.ok || read.value === null || typeof read.value !== 'object') continue;
      if (typeof (read.value as { marker?: unknown }).marker !== 'string') continue;
      found.push({ record: read.value as R, path });
    }
    return found;
  }

  async #find<R extends { marker: string }>(kind: Kind, marker: string): Promise<Found<R> | undefined> {
    return (await this.#records<R>(kind, true)).find((f) => f.record.marker === marker);
  }

  async #nextNumber(kinds: Kind[]): Promise<number> {
    let highest = 0;
    for (const kind of kinds) highest = Math.max(highest, ...(await this.#numbers(kind, false)));
    return highest + 1;
  }

  /** The recovery issue, rendered for humans. A view of the record: failures are logged, not thrown. */
  async #mirror(record: IssueRecord): Promise<void> {
    if (markerStep(record.marker) !== RECOVERY_STEP) return;
    const path = join(this.runDir, RECOVERY_FILE);
    try {
      await writeFileAtomic(path, renderRecovery(record));
    } catch (error) {
      this.#log({ type: 'effects_mirror_failed', file: path, error: errorMessage(error) });
    }
  }
}

async function writeRecord(path: string, record: object): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
}

function ref(path: string, created: boolean): EffectRef {
  return { id: path, url: pathToFileURL(path).href, created };
}

/** The step id in `<!-- keel:run=<id> step=<id> -->`, if the marker has that shape. */
export function markerStep(marker: string): string | undefined {
  return /\bstep=(\S+?)\s*-->/.exec(marker)?.[1];
}

function renderRecovery(record: IssueRecord): string {
  const lines = [
    `# ${record.title}`,
    '',
    `State: ${record.state} · labels: ${record.labels.join(', ') || '(none)'} · record: effects/issues/${record.number}.json`,
    '',
    record.body,
  ];
  for (const comment of Array.isArray(record.comments) ? record.comments : []) {
    lines.push('', '---', '', `Comment (${new Date(comment.at).toISOString()}):`, '', comment.body);
  }
  // The engine puts the marker in the body already; the file carries it exactly once either way.
  if (!record.body.includes(record.marker)) lines.push('', record.marker);
  return `${lines.join('\n')}\n`;
}
