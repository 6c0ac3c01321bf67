/**
 * Step `validate`: the repository owner's validation commands (`run.validate` in the config, e.g.
 * `npm test`). The command lines come from the config file only — never from a model, an issue or a comment —
 * which is why they may go through a shell. But what they run (tests, scripts, build steps) is the code the
 * models just wrote, so they run as hostile code would be run:
 *
 * - in a throwaway copy of the work branch's tip (`git/validation-copy.ts`), never keel's worktree, whose git
 *   config and refs are the repository's: nothing they do is committed or pushed, and their changes are only
 *   reported;
 * - with an environment allow-list (`exec/validation-env.ts`): no token, no endpoint key, no runner
 *   credential, unless the owner names a variable in `run.validateEnv`;
 * - in bubblewrap where it works (`run.sandbox`, `exec/sandbox.ts`): read-only system, only the copy
 *   writable, keel's checkout, state, HOME and RUNNER_TEMP out of sight, optionally no network;
 * - and afterwards keel checks that no ref of the repository moved, its configuration and hooks are as they
 *   were and keel's worktree is clean. If anything moved, the run stops here — `failed`, a `security_stop`
 *   event, nothing published — because the next git command or push would act on what the code arranged.
 *
 * A failing command does not discard work: it goes to the reviewer and makes the pull request a draft.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shellCommand } from '../../exec/command-runner.ts';
import { bwrapArgs, chooseSandbox, probeBwrap, type SandboxChoice } from '../../exec/sandbox.ts';
import type { CommandSpec } from '../../exec/types.ts';
import { validationEnv } from '../../exec/validation-env.ts';
import {
  copyChanges,
  fingerprintChanges,
  fingerprintRepository,
  makeValidationCopy,
} from '../../git/validation-copy.ts';
import { headSha } from '../../git/workspace.ts';
import type { RunContext } from '../run-context.ts';

export interface ValidationResult {
  command: string;
  passed: boolean;
  exitCode: number | null;
  timedOut: boolean;
  /** The end of the output, redacted and bounded. */
  output: string;
}

/** How validation ran, for the summary and the reviewer. */
export interface ValidationSetting {
  /** `bwrap`, `none`, or `refused` (the setting asked for a sandbox this machine cannot give: nothing ran). */
  sandbox: SandboxChoice['kind'];
  network: boolean;
  /** Why not in bwrap (auto without a working bwrap, or `run.sandbox: none`). */
  note?: string;
  /** Files the commands changed in the copy (reported, never committed). */
  changed: string[];
  /** `run.validateEnv` names left out because their value is one of keel's secrets. */
  dropped: string[];
}

const OUTPUT_TAIL = 4_000;

/** `security-stop`: validation changed the repository keel publishes from; the run has stopped (failed). */
export async function validateStep(ctx: RunContext): Promise<'security-stop' | undefined> {
  const step = ctx.step('validate');
  if (step.status === 'done' || step.status === 'skipped') return undefined;
  const { deps } = ctx;
  const { run } = deps.config;
  if (run.validate.length === 0) {
    // No checkpoint of its own: nothing ran, and a resume before the next one decides the same again.
    ctx.finish(step, 'skipped');
    return undefined;
  }
  ctx.begin(step);
  const setup = deps.validation ?? { env: {}, secrets: [], hide: [] };
  const base = await mkdtemp(join(tmpdir(), 'keel-validate-'));
  try {
    const copy = join(base, 'repo');
    const home = join(base, 'home');
    const tmp = join(base, 'tmp');
    await Promise.all([mkdir(home), mkdir(tmp)]);
    await makeValidationCopy(deps.git, ctx.workspace, copy);
    const before = await fingerprintRepository(deps.git, ctx.workspace);
    const choice = await chooseSandbox(run.sandbox, run.validateNetwork, () =>
      probeBwrap(deps.runner, run.validateNetwork, base),
    );
    const { env, dropped } = validationEnv({
      env: setup.env,
      names: run.validateEnv,
      home,
      tmp,
      secrets: setup.secrets,
    });
    const hide = [...setup.hide, ctx.workspace.repoRoot, ctx.workspace.worktree, tmpdir()];
    for (const name of ['HOME', 'RUNNER_TEMP', 'GITHUB_WORKSPACE']) {
      const dir = setup.env[name];
      if (dir !== undefined && dir !== '') hide.push(dir);
    }
    const results: ValidationResult[] = [];
    for (const command of run.validate) {
      if (choice.kind === 'refused') {
        results.push({
          command,
          passed: false,
          exitCode: null,
          timedOut: false,
          output: `not run: ${choice.reason}`,
        });
        continue;
      }
      const spec: CommandSpec =
        choice.kind === 'bwrap'
          ? {
              command: 'bwrap',
              args: bwrapArgs(
                { writable: base, chdir: copy, hide, network: run.validateNetwork, env },
                command,
              ),
              cwd: copy,
              timeoutMs: run.validateTimeoutMs,
              env: { PATH: env.PATH ?? '/usr/bin:/bin' },
              replaceEnv: true,
            }
          : { ...shellCommand(command, copy, run.validateTimeoutMs), env, replaceEnv: true };
      const ran = await deps.runner.run(spec, { signal: deps.signal });
      if (ctx.stopping) {
        step.status = 'pending';
        return undefined;
      }
      const output = `${ran.stdout.text}\n${ran.stderr.text}${ran.error ? `\n${ran.error}` : ''}`.trim();
      results.push({
        command,
        passed: ran.exitCode === 0 && !ran.timedOut,
        exitCode: ran.exitCode,
        timedOut: ran.timedOut,
        output: deps.redact(output.slice(-OUTPUT_TAIL)),
      });
    }
    const moved = fingerprintChanges(before, await fingerprintRepository(deps.git, ctx.workspace));
    const setting: ValidationSetting = {
      sandbox: choice.kind,
      network: run.validateNetwork,
      ...(choice.kind === 'none'
        ? { note: choice.note }
        : choice.kind === 'refused'
          ? { note: choice.reason }
          : {}),
      changed: await copyChanges(deps.git, copy, await headSha(deps.git, ctx.workspace)),
      dropped,
    };
    if (moved.length > 0) return await securityStop(ctx, moved, results, setting);
    const passed = results.every((r) => r.passed);
    ctx.finish(step, 'done', { result: { passed, results, setting } });
    deps.progress(
      `validate: ${results.map((r) => `${r.command} → ${r.passed ? 'passed' : 'FAILED'}`).join(', ')} (${describeSetting(setting)})`,
    );
    await ctx.event('validate', {
      passed,
      sandbox: setting.sandbox,
      network: setting.network,
      ...(dropped.length > 0 ? { droppedEnv: dropped } : {}),
      commands: results.map((r) => ({ command: r.command, passed: r.passed })),
    });
    await ctx.checkpoint();
    return undefined;
  } finally {
    await rm(base, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
  }
}

/**
 * Validation changed the repository (a ref, the git configuration, a hook, keel's worktree): nothing keel
 * would do next can be trusted — a push could carry the code's commits, a git command could run its
 * configuration. The run ends `failed`, says why, and publishes nothing (no pull request, no comment, no
 * recovery issue, no durable copy); it is not resumed.
 */
async function securityStop(
  ctx: RunContext,
  moved: string[],
  results: ValidationResult[],
  setting: ValidationSetting,
): Promise<'security-stop'> {
  const { state, deps } = ctx;
  const reason = `security: validation changed ${moved.join(', ')} of the repository; nothing was published`;
  ctx.finish(ctx.step('validate'), 'failed', { error: reason, result: { passed: false, results, setting } });
  state.status = 'failed';
  state.interruption = { reason: reason.slice(0, 200), at: deps.clock.now(), kind: 'security' };
  deps.progress(
    `SECURITY STOP: ${reason}. Check the repository (refs, .git/config, hooks) before running again.`,
  );
  await ctx.event('security_stop', { changed: moved });
  await ctx.checkpoint();
  return 'security-stop';
}

export function describeSetting(setting: ValidationSetting | undefined): string {
  if (setting === undefined) return 'in the work tree';
  const network = setting.network ? 'network on' : 'no network';
  if (setting.sandbox === 'bwrap') return `in bubblewrap, ${network}`;
  if (setting.sandbox === 'refused') return `not run: ${setting.note ?? 'no sandbox'}`;
  return `without a sandbox (${setting.note ?? 'none'})`;
}

export function validationResults(ctx: RunContext): ValidationResult[] {
  const result = ctx.state.steps.validate?.result as { results?: ValidationResult[] } | undefined;
  return result?.results ?? [];
}

export function validationSetting(ctx: Pick<RunContext, 'state'>): ValidationSetting | undefined {
  return (ctx.state.steps.validate?.result as { setting?: ValidationSetting } | undefined)?.setting;
}
