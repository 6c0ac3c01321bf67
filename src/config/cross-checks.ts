/**
 * Rules that span fields and so cannot live in the schema's per-field checks: endpoint ids are unique, chain
 * entries name declared endpoints, a role does not list the same candidate twice, some role exists, and
 * `run.validateEnv` names no credential (the GitHub token, the runner's `ACTIONS_*`, the action's `INPUT_*`,
 * an endpoint's key): validation runs model-written code.
 *
 * They run on the raw tree, defensively, so that they are reported together with the schema's issues in
 * one round; a part the schema already rejects (a malformed entry, a non-list) is skipped here rather than
 * reported twice.
 */
import { formatPath, type PathSegment, type RawIssue } from './errors.ts';
import { isPlainObject } from './scan.ts';
import { CANDIDATE_PATTERN, ROLE_NAMES } from './schema.ts';

export function crossCheckConfig(raw: unknown): RawIssue[] {
  if (!isPlainObject(raw)) return [];
  const issues: RawIssue[] = [];
  const declared = checkEndpointIds(raw.endpoints, issues);
  checkRoles(raw.roles, declared, issues);
  checkValidateEnv(raw, issues);
  return issues;
}

const CREDENTIAL_NAMES =
  /^(?:GITHUB_TOKEN|GH_TOKEN|GH_ENTERPRISE_TOKEN|ACTIONS_.*|INPUT_.*|RUNNER_.*TOKEN.*)$/i;

function checkValidateEnv(raw: Record<string, unknown>, issues: RawIssue[]): void {
  const run = raw.run;
  if (!isPlainObject(run) || !Array.isArray(run.validateEnv)) return;
  const keys = new Set<string>();
  if (Array.isArray(raw.endpoints)) {
    for (const endpoint of raw.endpoints as unknown[]) {
      if (isPlainObject(endpoint) && typeof endpoint.apiKeyEnv === 'string') keys.add(endpoint.apiKeyEnv);
    }
  }
  run.validateEnv.forEach((name: unknown, index) => {
    if (typeof name !== 'string') return;
    const why = keys.has(name)
      ? 'is the API key of an endpoint'
      : CREDENTIAL_NAMES.test(name)
        ? 'holds a credential of the platform'
        : undefined;
    if (why !== undefined) {
      issues.push({
        path: ['run', 'validateEnv', index],
        message: `${name} ${why}: validation runs model-written code and never gets it`,
      });
    }
  });
}

/** The declared ids in order, or undefined when some endpoint has no usable id (then nothing is "unknown"). */
function checkEndpointIds(endpoints: unknown, issues: RawIssue[]): string[] | undefined {
  if (!Array.isArray(endpoints)) return undefined;
  const firstIndex = new Map<string, number>();
  let complete = true;
  endpoints.forEach((endpoint: unknown, index) => {
    const id = isPlainObject(endpoint) ? endpoint.id : undefined;
    if (typeof id !== 'string') {
      complete = false;
      return;
    }
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else {
      issues.push({
        path: ['endpoints', index, 'id'],
        message: `duplicate endpoint id "${id}" (first declared at ${formatPath(['endpoints', first])})`,
      });
    }
  });
  return complete && firstIndex.size > 0 ? [...firstIndex.keys()] : undefined;
}

function checkRoles(roles: unknown, declared: readonly string[] | undefined, issues: RawIssue[]): void {
  if (!isPlainObject(roles)) return;
  const present = ROLE_NAMES.filter((role) => Object.hasOwn(roles, role) && roles[role] !== undefined);
  if (present.length === 0) {
    issues.push({ path: ['roles'], message: `declare at least one role (${ROLE_NAMES.join(', ')})` });
  }
  for (const role of present) {
    const chain = roles[role];
    if (Array.isArray(chain)) checkChain(role, chain, declared, issues);
  }
}

function checkChain(
  role: string,
  chain: unknown[],
  declared: readonly string[] | undefined,
  issues: RawIssue[],
) {
  const seen = new Map<string, PathSegment[]>();
  const checkEntry = (entry: unknown, path: PathSegment[]): void => {
    if (typeof entry !== 'string' || !CANDIDATE_PATTERN.test(entry)) return; // the schema reports it
    const endpointId = entry.slice(0, entry.indexOf('/'));
    if (declared !== undefined && !declared.includes(endpointId)) {
      issues.push({ path, message: `unknown endpoint "${endpointId}" (declared: ${declared.join(', ')})` });
    }
    const earlier = seen.get(entry);
    if (earlier !== undefined) {
      issues.push({ path, message: `"${entry}" already appears in this chain at ${formatPath(earlier)}` });
    } else seen.set(entry, path);
  };
  chain.forEach((tier: unknown, t) => {
    if (Array.isArray(tier)) tier.forEach((entry: unknown, i) => checkEntry(entry, ['roles', role, t, i]));
    else checkEntry(tier, ['roles', role, t]);
  });
}
