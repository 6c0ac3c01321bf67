/**
 * The `actions/lane` sub-action: `keel lane` run by the runner's own Node 24 from the action's bundle, so a
 * lane in a user's repository needs neither keel's sources nor a Node on the runner (issue 11 §1). The
 * inputs become the command's arguments; the lane publishes on GitHub and claims through GitHub
 * (`--effects github`) with the `github-token` input, and its result becomes the step's outputs.
 *
 * An entry-level module: it joins the Action's IO to the CLI's command (two layers that do not import each
 * other).
 */
import type { StepContext } from './action/steps.ts';
import { SettingsError } from './action/settings.ts';
import { runCli } from './cli/index.ts';

export async function runLaneStep({ io, env, signal }: StepContext): Promise<number> {
  const input = (name: string): string => io.input(name).trim();
  const lane = input('lane');
  if (lane === '')
    throw new SettingsError('input lane: the lane to run (a name from the lanes file) is required');
  const token = input('github-token');
  if (token !== '') io.setSecret(token);
  const effects = input('effects') || 'github';
  const args = ['lane', '--lanes', input('lanes') || '.github/keel-lanes.yml', '--lane', lane];
  args.push('--effects', effects, '--state-branch', input('state-branch') || 'keel/state', '--json');
  if (input('config') !== '') args.push('--config', input('config'));
  if (input('max-tasks') !== '') args.push('--max-tasks', input('max-tasks'));
  const out: string[] = [];
  const code = await runCli(args, {
    stdout: (text) => out.push(text),
    stderr: (text) => io.info(text.trimEnd()),
    env: { ...env, ...(token !== '' ? { GITHUB_TOKEN: token } : {}) },
    cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
    signal,
  });
  const printed = out.join('');
  io.info(printed.trimEnd());
  const result = lastJson(printed);
  if (result) {
    io.setOutput('stop', typeof result.stop === 'string' ? result.stop : '');
    io.setOutput('processed', typeof result.processed === 'number' ? String(result.processed) : '0');
    io.setOutput('outcomes', JSON.stringify(result.outcomes ?? {}));
  }
  return code;
}

/** The result line `--json` prints last. */
function lastJson(text: string): Record<string, unknown> | undefined {
  const line = text.trimEnd().split('\n').at(-1) ?? '';
  try {
    const parsed: unknown = JSON.parse(line);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
