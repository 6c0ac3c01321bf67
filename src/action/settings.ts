/**
 * The Action's inputs, parsed once into a typed object (as actions/checkout does), with an error that
 * names the input when one is malformed.
 */
import { RUN_ID_PATTERN } from '../base/run-id.ts';
import type { ActionIO } from './action-io.ts';

export interface ActionSettings {
  config: string;
  task?: string;
  resume: boolean;
  runId?: string;
  token: string;
  timeBudgetMinutes?: number;
  stateBranch: string;
  exitCodeOnInterrupt?: number;
  allowedBots: string[];
  /** `local`: effects stay as records under .keel/ (dry runs, CI smoke tests). */
  effects: 'github' | 'local';
  /** Claim the run even while another job's claim on the state branch is live (it died without `post`). */
  takeOver: boolean;
}

export class SettingsError extends Error {
  override name = 'SettingsError';
  readonly expected = true;
}

const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;

export function readSettings(io: Pick<ActionIO, 'input'>): ActionSettings {
  const text = (name: string): string | undefined => {
    const value = io.input(name).trim();
    return value === '' ? undefined : value;
  };
  const runId = text('run-id');
  if (runId !== undefined && !RUN_ID_PATTERN.test(runId))
    throw new SettingsError(`input run-id: "${runId}" is not a run id`);
  const stateBranch = text('state-branch') ?? 'keel/state';
  if (!BRANCH.test(stateBranch) || stateBranch.includes('..')) {
    throw new SettingsError(`input state-branch: "${stateBranch}" is not a branch name`);
  }
  const effects = text('effects') ?? 'github';
  if (effects !== 'github' && effects !== 'local')
    throw new SettingsError(`input effects: expected github or local, got "${effects}"`);
  return {
    effects,
    config: text('config') ?? '.github/keel.yml',
    ...(text('task') !== undefined ? { task: text('task')! } : {}),
    resume: bool(io, 'resume'),
    ...(runId !== undefined ? { runId } : {}),
    token: text('github-token') ?? '',
    ...number(io, 'time-budget-minutes', 0.1, 100_000, 'timeBudgetMinutes'),
    stateBranch,
    ...number(io, 'exit-code-on-interrupt', 0, 255, 'exitCodeOnInterrupt'),
    allowedBots: (text('allowed-bots') ?? '').split(/[\s,]+/).filter(Boolean),
    takeOver: bool(io, 'take-over'),
  };
}

/** A `true`/`false` input; `empty` when it is not set. */
export function bool(io: Pick<ActionIO, 'input'>, name: string, empty = false): boolean {
  const value = io.input(name).trim().toLowerCase();
  if (value === '') return empty;
  if (value === 'false') return false;
  if (value === 'true') return true;
  throw new SettingsError(`input ${name}: expected true or false, got "${value}"`);
}

function number<K extends string>(
  io: Pick<ActionIO, 'input'>,
  name: string,
  min: number,
  max: number,
  key: K,
): Partial<Record<K, number>> {
  const raw = io.input(name).trim();
  if (raw === '') return {};
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new SettingsError(`input ${name}: expected a number from ${min} to ${max}, got "${raw}"`);
  }
  return { [key]: value } as Partial<Record<K, number>>;
}
