/**
 * Setup mistakes the fleet can name before a run starts (issue 11 §3): a key whose variable is not set, a
 * model the endpoint does not serve (today's trap: a misspelled model probes healthy, then 404s mid-run and
 * the router silently falls back to the paid tier), a context window nobody knows. Pure: it reads the
 * configuration, the environment and what the probes found.
 */
import type { EndpointConfig, KeelConfig, RoleName } from '../config/schema.ts';

export type FindingLevel = 'ok' | 'warning' | 'error';

export interface Finding {
  level: FindingLevel;
  /** What it is about: `endpoint openai`, `labels`, `pull requests` … */
  subject: string;
  message: string;
  /** What to do about it. */
  fix?: string;
}

/** The models each endpoint is asked for, by any role, with the roles that ask. */
export function modelsByEndpoint(config: KeelConfig): Map<string, Map<string, RoleName[]>> {
  const byEndpoint = new Map<string, Map<string, RoleName[]>>();
  for (const [role, chain] of Object.entries(config.roles) as [RoleName, KeelConfig['roles'][RoleName]][]) {
    for (const tier of chain ?? []) {
      for (const candidate of tier) {
        const models = byEndpoint.get(candidate.endpointId) ?? new Map<string, RoleName[]>();
        const roles = models.get(candidate.model) ?? [];
        if (!roles.includes(role)) roles.push(role);
        models.set(candidate.model, roles);
        byEndpoint.set(candidate.endpointId, models);
      }
    }
  }
  return byEndpoint;
}

/** The variable an endpoint's key should be in, when it is empty or unset. */
export function missingKey(
  endpoint: Pick<EndpointConfig, 'apiKeyEnv'>,
  env: Record<string, string | undefined>,
): string | undefined {
  if (endpoint.apiKeyEnv === undefined) return undefined;
  return (env[endpoint.apiKeyEnv] ?? '').trim() === '' ? endpoint.apiKeyEnv : undefined;
}

/**
 * The configured models an endpoint does not list. Ollama lists `name:tag` and serves `name` as
 * `name:latest`, so either spelling of the latest tag counts. An endpoint that listed nothing tells
 * nothing: no model is called unknown then.
 */
export function unknownModels(wanted: Iterable<string>, served: readonly string[]): string[] {
  if (served.length === 0) return [];
  const known = new Set(served);
  const latest = (name: string): string => (name.includes(':') ? name : `${name}:latest`);
  for (const name of served) if (name.endsWith(':latest')) known.add(name.slice(0, -':latest'.length));
  return [...wanted].filter((model) => !known.has(model) && !known.has(latest(model)));
}

/** The served model closest to a misspelled one (same base name, or the fewest edits), as a hint. */
export function closestModel(model: string, served: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of served) {
    const distance = editDistance(model.toLowerCase(), name.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(3, Math.floor(model.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface ProbedEndpoint {
  id: string;
  status: 'healthy' | 'unhealthy' | 'skipped' | 'misconfigured';
  models: string[];
  contextWindows: Record<string, number>;
  error?: string;
  skipReason?: string;
}

/** Every finding about the fleet: keys, reachability, models, context windows. */
export function fleetFindings(
  config: KeelConfig,
  env: Record<string, string | undefined>,
  probed: readonly ProbedEndpoint[],
): Finding[] {
  const findings: Finding[] = [];
  const wanted = modelsByEndpoint(config);
  for (const endpoint of config.endpoints) {
    const subject = `endpoint ${endpoint.id}`;
    const row = probed.find((p) => p.id === endpoint.id);
    const key = missingKey(endpoint, env);
    if (key !== undefined) {
      findings.push({
        level: 'error',
        subject,
        message: `${key} is not set: every request to ${endpoint.id} would be refused`,
        fix: `add the key as a secret and pass it in the step's env (${key}: \${{ secrets.${key} }}), or export it`,
      });
    }
    if (row === undefined) continue;
    if (row.status === 'skipped') {
      findings.push({
        level: 'ok',
        subject,
        message: `not probed here (${row.skipReason ?? 'placement'}): a local endpoint on a GitHub-hosted runner`,
      });
      continue;
    }
    if (row.status === 'unhealthy') {
      findings.push({
        level: 'warning',
        subject,
        message: `unreachable now: ${row.error ?? 'no answer'}`,
        fix: 'check the URL (it ends in /v1), that the server runs, and that this machine reaches it',
      });
      continue;
    }
    const models = wanted.get(endpoint.id) ?? new Map<string, RoleName[]>();
    for (const model of unknownModels(models.keys(), row.models)) {
      const hint = closestModel(model, row.models);
      findings.push({
        level: 'error',
        subject,
        message: `serves no model "${model}" (asked for by ${models.get(model)!.join(', ')}); it serves ${brief(row.models)}`,
        fix: hint
          ? `did you mean "${hint}"? fix roles in the configuration, or load the model on the server`
          : 'fix the model name in roles, or load the model on the server (e.g. `ollama pull NAME`)',
      });
    }
    if (endpoint.contextWindow === undefined) {
      const unknown = [...models.keys()].filter((model) => row.contextWindows[model] === undefined);
      if (unknown.length > 0 && Object.keys(row.contextWindows).length === 0) {
        findings.push({
          level: 'warning',
          subject,
          message: `the server reports no context window for ${unknown.join(', ')}: keel assumes a conservative 4096`,
          fix: 'set contextWindow on the endpoint to the window the server actually runs',
        });
      }
    }
    if (!findings.some((f) => f.subject === subject && f.level !== 'ok'))
      findings.push({
        level: 'ok',
        subject,
        message: `reachable; serves ${[...models.keys()].join(', ') || 'no configured model'}`,
      });
  }
  return findings;
}

function brief(models: readonly string[]): string {
  return models.length > 6
    ? `${models.slice(0, 6).join(', ')} and ${models.length - 6} more`
    : models.join(', ');
}
