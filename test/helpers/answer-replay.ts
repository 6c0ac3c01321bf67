/**
 * Plays corpus answers through real `keel run`s (in process: the engine, the router and its HTTP client,
 * the edit application, git commits, validation, review and publish — nothing mocked) against the fleet
 * simulator, and judges what each run did with its answer. Shared by `test/agents/answer-corpus.test.ts`
 * and `npm run bench -- agents`.
 *
 * The fleet: endpoint `p` (first tier) serves the answer under test to the first request of its role; a
 * correction turn (to `p`) and a fail-over (to `s`, the second tier) get a clean follow-up answer that
 * cannot be mistaken for it. Every other request gets a clean answer. Requests find their answer by the
 * replay tag in the task text, so one simulator serves every run at once.
 *
 * Each answer gets its own run; runs of one scenario share a repository (each run has its own work tree
 * and branch), a few workers run at once.
 */
import { execFile } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { readBlocks } from '../../src/agents/prompt-blocks.ts';
import { ROLE_TAGS } from '../../src/agents/prompts.ts';
import type { Review } from '../../src/agents/types.ts';
import { validateConfigValue } from '../../src/config/load.ts';
import { startRun } from '../../src/run/start-run.ts';
import type { RunState } from '../../src/run/state.ts';
import { startSimulator, type FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import type { SimAnswer, SimResponderContext } from '../../src/sim/types.ts';
import {
  servedAnswer,
  type CorpusAnswer,
  type CorpusRole,
  type Outcome,
  type Scenario,
} from './answer-corpus.ts';

const execFileAsync = promisify(execFile);
const MODEL = 'm';
const GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

const FOLLOW_UP = {
  file: 'replay-follow-up.txt',
  commit: 'chore: replay follow-up',
  plan: 'Follow-up plan',
  blocking: 'replay follow-up: not approved',
};
const CLEAN_CHANGE = { file: 'replay-change.txt', commit: 'chore: replay change' };

const FOLLOW_UPS: Record<CorpusRole, string> = {
  coder: `FILE ${FOLLOW_UP.file}\n\`\`\`\nfollow-up\n\`\`\`\n\nCOMMIT ${FOLLOW_UP.commit}`,
  planner: JSON.stringify({
    milestones: [
      {
        id: 'f',
        title: 'Follow-up',
        subtasks: [
          { id: 'follow-up', title: FOLLOW_UP.plan, files: ['README.md'], instructions: 'Follow up.' },
        ],
      },
    ],
    confidence: 0.7,
  }),
  reviewer: JSON.stringify({
    approved: false,
    codeQuality: 50,
    comments: [],
    blocking: [FOLLOW_UP.blocking],
  }),
};

/** One request the simulator answered for a run. */
export interface ReplayRequest {
  role: CorpusRole;
  endpoint: string;
  /** A correction turn: the conversation holds an earlier answer of the model. */
  correction: boolean;
}

interface Script {
  answer: CorpusAnswer;
  scenario: Scenario;
  requests: ReplayRequest[];
}

export interface ReplayResult {
  answer: CorpusAnswer;
  /** The answer's own role: the requests of that role, in order. */
  requests: ReplayRequest[];
  status: string;
  plan: string[];
  planDegraded: boolean;
  /** The code step of the subtask (coder runs). */
  code?: { status: string; error?: string };
  review?: Review;
  /** Commit subjects on the work branch, oldest first. */
  commits: string[];
  /** Files the work branch changed (added, modified) and deleted, with the new contents. */
  changed: Record<string, string>;
  deleted: string[];
  durationMs: number;
  progress: string[];
}

export interface Verdict {
  id: string;
  role: CorpusRole;
  outcome: Outcome;
  format?: string;
  /** The answer was handled as its expectation says (used exactly; or asked again / failed over, never used). */
  asExpected: boolean;
  /** Not used wrongly, and the run went on (for every non-`use` answer). */
  safe: boolean;
  falseApproval: boolean;
  /** The role's step failed although the second model was there to ask. */
  failedWithSecond: boolean;
  problems: string[];
}

/** The simulator the replays run against; close it when done. */
export class ReplayFleet {
  readonly #scripts = new Map<string, Script>();
  #sim: FleetSimulator | undefined;

  async start(): Promise<FleetSimulator> {
    this.#sim = await startSimulator({
      endpoints: [
        { name: 'p', models: [MODEL] },
        { name: 's', models: [MODEL] },
      ],
      responder: (ctx) => this.#respond(ctx),
    });
    return this.#sim;
  }

  get sim(): FleetSimulator {
    if (!this.#sim) throw new Error('ReplayFleet not started');
    return this.#sim;
  }

  register(answer: CorpusAnswer, scenario: Scenario): Script {
    const script: Script = { answer, scenario, requests: [] };
    this.#scripts.set(answer.id, script);
    return script;
  }

  forget(id: string): void {
    this.#scripts.delete(id);
  }

  close(): Promise<void> {
    return this.#sim?.close() ?? Promise.resolve();
  }

  #respond(ctx: SimResponderContext): string | SimAnswer {
    const system = ctx.messages.find((m) => m.role === 'system')?.content ?? '';
    const user = ctx.messages.find((m) => m.role === 'user')?.content ?? '';
    const role = (Object.keys(ROLE_TAGS) as CorpusRole[]).find((r) => system.startsWith(ROLE_TAGS[r]));
    const task = readBlocks(user).find((block) => block.name === 'task')?.content ?? '';
    const id = /\(replay ([\w-]+)\)/.exec(task)?.[1];
    const script = id !== undefined ? this.#scripts.get(id) : undefined;
    if (role === undefined || script === undefined)
      throw new Error(`no replay for this request (${id ?? 'no tag'})`);
    if (role !== script.answer.role) return cleanAnswer(role, script.scenario);
    const correction = ctx.messages.some((m) => m.role === 'assistant');
    script.requests.push({ role, endpoint: ctx.endpoint, correction });
    return script.requests.length === 1 ? servedAnswer(script.answer) : FOLLOW_UPS[role];
  }
}

/** What a well-behaved model answers for the roles that are not under test. */
function cleanAnswer(role: CorpusRole, scenario: Scenario): string {
  switch (role) {
    case 'planner':
      return JSON.stringify(onlySubtask(scenario));
    case 'coder':
      return `FILE ${CLEAN_CHANGE.file}\n\`\`\`\nchange\n\`\`\`\n\nCOMMIT ${CLEAN_CHANGE.commit}`;
    case 'reviewer':
      return JSON.stringify({ approved: true, codeQuality: 90, comments: [], blocking: [] });
  }
}

/** The scenario's plan with only the subtask its coder answers are for. */
function onlySubtask(scenario: Scenario): Scenario['plan'] {
  for (const milestone of scenario.plan.milestones) {
    const subtask = milestone.subtasks.find((s) => s.id === scenario.subtask);
    if (subtask)
      return { milestones: [{ ...milestone, subtasks: [subtask] }], confidence: scenario.plan.confidence };
  }
  throw new Error(`scenario plan has no subtask ${scenario.subtask}`);
}

// ---------------------------------------------------------------------------------------------------------
// Running

/** Asynchronous: a synchronous spawn would stop every other run (and the simulator) while it lasts. */
async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
    maxBuffer: 64 << 20,
  });
  return stdout;
}

interface ScenarioRepo {
  repo: string;
  stateDir: string;
  base: string;
}

/** Runs answers a few at a time; every worker keeps its own repository per scenario. */
export async function replayAnswers(
  fleet: ReplayFleet,
  answers: readonly CorpusAnswer[],
  scenarios: Record<string, Scenario>,
  options: { workers?: number; onResult?: (result: ReplayResult) => void } = {},
): Promise<ReplayResult[]> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'keel-replay-')));
  const results = new Array<ReplayResult>(answers.length);
  const branches = new Map<number, { repo: ScenarioRepo; branch: string }>();
  const subjects = new Map<ScenarioRepo, Map<string, string[]>>();
  let next = 0;
  // One more than the cores: a run spends part of its time waiting on git and fsync.
  const workers = options.workers ?? Math.min(4, availableParallelism() + 1);
  try {
    await Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        const repos = new Map<string, ScenarioRepo>();
        while (next < answers.length) {
          const index = next++;
          const answer = answers[index]!;
          const scenario = scenarios[answer.scenario];
          if (!scenario) throw new Error(`${answer.id}: unknown scenario ${answer.scenario}`);
          let repo = repos.get(answer.scenario);
          if (!repo) {
            repo = await scenarioRepo(join(root, `w${worker}`, answer.scenario), scenario);
            repos.set(answer.scenario, repo);
          }
          results[index] = await replayOne(fleet, answer, scenario, repo);
          branches.set(index, { repo, branch: `keel/${answer.id}` });
        }
        for (const repo of repos.values()) subjects.set(repo, await commitSubjects(repo));
      }),
    );
    for (const [index, { repo, branch }] of branches) {
      results[index]!.commits = subjects.get(repo)?.get(branch) ?? [];
      options.onResult?.(results[index]!);
    }
  } finally {
    await rm(root, { recursive: true, force: true, maxRetries: 3 });
  }
  return results;
}

async function scenarioRepo(dir: string, scenario: Scenario): Promise<ScenarioRepo> {
  const repo = join(dir, 'repo');
  await mkdir(repo, { recursive: true });
  await git(repo, 'init', '--quiet', '-b', 'main');
  await appendFile(join(repo, '.git', 'config'), '[user]\n\tname = Replay\n\temail = replay@example.com\n');
  for (const [path, content] of Object.entries(scenario.files)) {
    await mkdir(dirname(join(repo, path)), { recursive: true });
    await writeFile(join(repo, path), content);
  }
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '--quiet', '-m', 'scenario');
  const base = (await readFile(join(repo, '.git', 'refs', 'heads', 'main'), 'utf8')).trim();
  return { repo, stateDir: join(dir, 'state'), base };
}

async function replayOne(
  fleet: ReplayFleet,
  answer: CorpusAnswer,
  scenario: Scenario,
  at: ScenarioRepo,
): Promise<ReplayResult> {
  const script = fleet.register(answer, scenario);
  const started = performance.now();
  const progress: string[] = [];
  const chain = ['p', 's'].map((endpoint) => `${endpoint}/${MODEL}`);
  const validation = answer.role === 'reviewer' ? (scenario.validation ?? []) : [];
  try {
    const config = validateConfigValue({
      version: 1,
      endpoints: fleet.sim.endpoints.map((e) => ({
        id: e.name,
        url: e.url,
        kind: 'local',
        maxParallel: 4,
        contextWindow: 65_536,
        timeouts: { connectMs: 2_000, firstTokenMs: 20_000, idleMs: 20_000, totalMs: 40_000 },
      })),
      roles: { planner: chain, coder: chain, reviewer: chain },
      policy: { maxWaitMs: 2_000 },
      run: {
        // The scenario's validation as it went: the reviewer sees the same passed and failed checks.
        validate: validation.map((v, i) => `echo replay check ${i + 1}; exit ${v.passed ? 0 : 1}`),
        validateTimeoutMs: 20_000,
        heartbeatMs: 1_000,
      },
    });
    const { state } = await startRun({
      config,
      repo: at.repo,
      stateDir: at.stateDir,
      task: `${scenario.task}\n\n(replay ${answer.id})`,
      runId: answer.id,
      env: {},
      progress: (line) => progress.push(line),
      processEvents: new EventEmitter(),
      ...(answer.role === 'planner' ? { stopAfter: 'plan' as const } : {}),
    });
    return {
      answer,
      requests: script.requests,
      commits: [],
      ...(await outcomeOf(state, scenario)),
      durationMs: performance.now() - started,
      progress,
    };
  } finally {
    fleet.forget(answer.id);
  }
}

async function outcomeOf(
  state: RunState,
  scenario: Scenario,
): Promise<Omit<ReplayResult, 'answer' | 'requests' | 'durationMs' | 'progress' | 'commits'>> {
  const plan = state.plan?.milestones.flatMap((m) => m.subtasks.map((s) => s.title)) ?? [];
  // What the run's branch holds once the run is over: read in its work tree while that is there (no git
  // process), else — a finished run removes its worktree, keeping the branch — from the branch itself.
  const files = existsSync(state.repo.worktree)
    ? await worktreeFiles(state.repo.worktree)
    : await branchFiles(state);
  const changed: Record<string, string> = {};
  for (const [path, content] of files) if (scenario.files[path] !== content) changed[path] = content;
  const deleted = Object.keys(scenario.files).filter((path) => !files.has(path));
  const step = Object.values(state.steps).find((s) => s.id === `code:${scenario.subtask}`);
  return {
    status: state.status,
    plan,
    planDegraded: state.plan?.degraded === true,
    ...(step ? { code: { status: step.status, ...(step.error ? { error: step.error } : {}) } } : {}),
    ...(state.steps.review?.result ? { review: state.steps.review.result as unknown as Review } : {}),
    changed,
    deleted,
  };
}

/** Every file of a work tree (outside `.git`) and its text. */
async function worktreeFiles(worktree: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(worktree, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(worktree, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (path === '.git' || path.startsWith('.git/')) continue;
    files.set(path, await readFile(join(worktree, path), 'utf8'));
  }
  return files;
}

/** Every file on the run's work branch and its text, read with git (the worktree is gone). */
async function branchFiles(state: RunState): Promise<Map<string, string>> {
  const { root, workBranch } = state.repo;
  const files = new Map<string, string>();
  const listing = await git(root, 'ls-tree', '-r', '-z', `refs/heads/${workBranch}`);
  for (const line of listing.split('\0').filter((l) => l !== '')) {
    const [meta, path] = line.split('\t') as [string, string];
    const [, type, sha] = meta.split(' ') as [string, string, string];
    if (type === 'blob') files.set(path, await git(root, 'cat-file', 'blob', sha));
  }
  return files;
}

/** The subjects of every run branch's commits since the base (oldest first), from one `git log`. */
async function commitSubjects(at: ScenarioRepo): Promise<Map<string, string[]>> {
  const log = await git(at.repo, 'log', '--branches=keel/*', '--format=%H%x1f%P%x1f%D%x1f%s');
  const commits = new Map<string, { parent: string; subject: string }>();
  const tips = new Map<string, string>();
  for (const line of log.split('\n').filter((l) => l !== '')) {
    const [sha, parents, refs, subject] = line.split('\x1f') as [string, string, string, string];
    commits.set(sha, { parent: parents.split(' ')[0] ?? '', subject });
    for (const ref of refs.split(', ').filter((r) => r.startsWith('keel/'))) tips.set(ref, sha);
  }
  const subjects = new Map<string, string[]>();
  for (const [branch, tip] of tips) {
    const chain: string[] = [];
    for (let sha = tip; sha !== at.base && commits.has(sha); sha = commits.get(sha)!.parent) {
      chain.unshift(commits.get(sha)!.subject);
    }
    subjects.set(branch, chain);
  }
  return subjects;
}

// ---------------------------------------------------------------------------------------------------------
// Judging

export function judge(result: ReplayResult, scenario: Scenario): Verdict {
  const { answer } = result;
  const { outcome } = answer.expect;
  const problems: string[] = [];
  const role = answer.role;
  /** The run did exactly what the answer says. */
  let used: boolean;
  /** The run used the follow-up answer, not the one under test. */
  let followedUp: boolean;
  let failedWithSecond: boolean;
  let falseApproval = false;

  if (role === 'coder') {
    failedWithSecond = result.code?.status !== 'done';
    if (failedWithSecond)
      problems.push(`code step ${result.code?.status ?? 'missing'}: ${result.code?.error ?? ''}`);
    const wantFiles = answer.expect.files ?? {};
    const wantDeleted = [...(answer.expect.deleted ?? [])].sort();
    used =
      result.commits.length === 1 &&
      result.commits[0] === answer.expect.commit &&
      sameKeys(result.changed, wantFiles) &&
      Object.entries(wantFiles).every(([path, content]) => result.changed[path] === content) &&
      JSON.stringify([...result.deleted].sort()) === JSON.stringify(wantDeleted);
    followedUp =
      JSON.stringify(result.commits) === JSON.stringify([FOLLOW_UP.commit]) &&
      sameKeys(result.changed, { [FOLLOW_UP.file]: '' }) &&
      result.deleted.length === 0;
    if (outcome === 'use' && !used) {
      problems.push(
        `expected commit ${JSON.stringify(answer.expect.commit)} with ${Object.keys(wantFiles).join(', ')}${wantDeleted.length ? ` and ${wantDeleted.join(', ')} deleted` : ''}; got ${JSON.stringify(result.commits)} changing ${Object.keys(result.changed).join(', ') || 'nothing'}${result.deleted.length ? `, deleting ${result.deleted.join(', ')}` : ''}`,
      );
      for (const [path, content] of Object.entries(wantFiles)) {
        if (result.changed[path] !== undefined && result.changed[path] !== content)
          problems.push(`${path} differs`);
      }
    }
  } else if (role === 'planner') {
    failedWithSecond = result.planDegraded || result.plan.length === 0;
    if (failedWithSecond) problems.push('the plan is the degraded template');
    used = !result.planDegraded && JSON.stringify(result.plan) === JSON.stringify(answer.expect.subtasks);
    followedUp = JSON.stringify(result.plan) === JSON.stringify([FOLLOW_UP.plan]);
    if (outcome === 'use' && !used) {
      problems.push(
        `expected subtasks ${JSON.stringify(answer.expect.subtasks)}, got ${JSON.stringify(result.plan)}`,
      );
    }
  } else {
    const review = result.review;
    const failedChecks = (scenario.validation ?? []).filter((v) => !v.passed).length;
    failedWithSecond = review === undefined || review.degraded;
    if (failedWithSecond) problems.push('the review is missing or degraded');
    const wantApproval =
      outcome === 'use' &&
      answer.expect.approved === true &&
      answer.expect.blocking_count === 0 &&
      failedChecks === 0;
    falseApproval = review?.approved === true && !wantApproval;
    if (falseApproval) problems.push('recorded as an approval');
    followedUp = review?.blocking.includes(FOLLOW_UP.blocking) === true;
    used =
      review !== undefined &&
      !review.degraded &&
      !followedUp &&
      review.approved === wantApproval &&
      review.blocking.length - failedChecks === answer.expect.blocking_count;
    if (outcome === 'use' && !used && review) {
      problems.push(
        `expected approved=${wantApproval} with ${answer.expect.blocking_count} blocking item(s) of the model; got approved=${review.approved}, blocking ${JSON.stringify(review.blocking)}`,
      );
    }
  }

  const first = result.requests[0];
  const second = result.requests[1];
  let route = true;
  if (first === undefined || first.endpoint !== 'p') {
    route = false;
    problems.push('the answer was never asked for');
  }
  if (outcome === 'use' && result.requests.length !== 1) {
    route = false;
    problems.push(`asked ${result.requests.length} times: ${JSON.stringify(result.requests.slice(1))}`);
  }
  if (outcome === 'ask_again' && !(second?.endpoint === 'p' && second.correction)) {
    route = false;
    problems.push(`not asked again on the same model: next request ${JSON.stringify(second)}`);
  }
  if (outcome === 'fail_over' && !(second?.endpoint === 's' && !second.correction)) {
    route = false;
    problems.push(`did not fail over to the second model: next request ${JSON.stringify(second)}`);
  }
  if ((outcome === 'ask_again' || outcome === 'fail_over') && !followedUp) {
    problems.push('the run did not go on with the follow-up answer');
  }

  const safe =
    outcome === 'use'
      ? used
      : outcome === 'never_approve'
        ? !falseApproval && !failedWithSecond
        : followedUp && !failedWithSecond;
  const asExpected = outcome === 'use' ? used && route : outcome === 'never_approve' ? safe : safe && route;
  return {
    id: answer.id,
    role,
    outcome,
    ...(answer.format !== undefined ? { format: answer.format } : {}),
    asExpected,
    safe,
    falseApproval,
    failedWithSecond,
    problems,
  };
}

function sameKeys(a: Record<string, string>, b: Record<string, string>): boolean {
  return JSON.stringify(Object.keys(a).sort()) === JSON.stringify(Object.keys(b).sort());
}

// ---------------------------------------------------------------------------------------------------------
// Figures

export interface RoleFigures {
  role: CorpusRole;
  answers: number;
  usable: number;
  usedCorrectly: number;
  unusable: number;
  handledSafely: number;
  /** Unusable answers that went exactly the expected way (asked again, or failed over). */
  routedAsExpected: number;
  falseApprovals: number;
  failedWithSecond: number;
}

export function figures(verdicts: readonly Verdict[], role: CorpusRole): RoleFigures {
  const mine = verdicts.filter((v) => v.role === role);
  const usable = mine.filter((v) => v.outcome === 'use');
  const unusable = mine.filter((v) => v.outcome !== 'use');
  return {
    role,
    answers: mine.length,
    usable: usable.length,
    usedCorrectly: usable.filter((v) => v.asExpected).length,
    unusable: unusable.length,
    handledSafely: unusable.filter((v) => v.safe).length,
    routedAsExpected: unusable.filter((v) => v.asExpected).length,
    falseApprovals: mine.filter((v) => v.falseApproval).length,
    failedWithSecond: mine.filter((v) => v.failedWithSecond).length,
  };
}
