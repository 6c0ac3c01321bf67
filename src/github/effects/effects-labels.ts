/**
 * The labels keel puts on what it opens. Each is made to exist once per process — looked up, created on
 * a 404, and a 422 `already_exists` (another job created it meanwhile) taken as success — so keel's
 * labels get their colours and descriptions instead of GitHub's grey auto-created ones.
 */
import type { Octokit } from '@octokit/rest';
import { effectsError, hasValidationCode, statusOf } from './effects-errors.ts';

interface LabelStyle {
  color: string;
  description: string;
}

const STYLES: Record<string, LabelStyle> = {
  keel: { color: '5319e7', description: 'Opened or handled by keel' },
  'keel-recovery': { color: 'd93f0b', description: 'A keel run stopped early: resume instructions inside' },
  'manual-implementation': { color: 'fbca04', description: 'A subtask keel could not implement' },
  'needs-human-review': { color: 'b60205', description: 'Degraded or unapproved: a human must review' },
};

const DEFAULT_STYLE: LabelStyle = { color: 'ededed', description: 'keel' };

export function labelStyle(name: string): LabelStyle {
  return STYLES[name.toLowerCase()] ?? DEFAULT_STYLE;
}

/** Label names as a set keyed case-insensitively, as GitHub compares them. */
export function labelNames(labels: readonly (string | { name?: string | null })[] | undefined): Set<string> {
  const names = new Set<string>();
  for (const label of labels ?? []) {
    const name = typeof label === 'string' ? label : label.name;
    if (name) names.add(name.toLowerCase());
  }
  return names;
}

/** `names` without duplicates (case-insensitive), in first-seen order, empty names dropped. */
export function uniqueLabels(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name.length === 0 || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

export class LabelBook {
  readonly #client: Octokit;
  readonly #owner: string;
  readonly #repo: string;
  readonly #known = new Set<string>();
  readonly #onCreated: (name: string) => void;

  constructor(client: Octokit, owner: string, repo: string, onCreated: (name: string) => void) {
    this.#client = client;
    this.#owner = owner;
    this.#repo = repo;
    this.#onCreated = onCreated;
  }

  async ensure(names: readonly string[]): Promise<void> {
    for (const name of names) {
      if (this.#known.has(name.toLowerCase())) continue;
      await this.#ensureOne(name);
      this.#known.add(name.toLowerCase());
    }
  }

  async #ensureOne(name: string): Promise<void> {
    const repo = { owner: this.#owner, repo: this.#repo };
    try {
      await this.#client.rest.issues.getLabel({ ...repo, name });
      return;
    } catch (error) {
      if (statusOf(error) !== 404) throw effectsError('look up a label', `label "${name}"`, error);
    }
    try {
      await this.#client.rest.issues.createLabel({ ...repo, name, ...labelStyle(name) });
      this.#onCreated(name);
    } catch (error) {
      if (hasValidationCode(error, 'already_exists')) return;
      throw effectsError('create a label', `label "${name}"`, error);
    }
  }
}
