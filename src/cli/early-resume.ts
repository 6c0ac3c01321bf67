/**
 * `keel run --resume RUN_ID`: the first coder request goes out before the rest of keel has even loaded.
 *
 * Loading keel (the HTTP client, the schemas, the YAML parser, the engine) takes several times as long as
 * starting Node; a resumed run's first model request does not have to wait for it. This module — small,
 * and importing none of those — reads the run's checkpoint, the configuration as the last run validated it
 * (`config-cache.ts`, used only while the file's text is unchanged) and the saved fleet state, builds the
 * request the router would send for the first pending subtask to the endpoint it would pick, and sends
 * it. The run then loads and starts as always; when the endpoint client is about to send a request with
 * exactly this URL and body, it adopts this one's response instead (`fleet/early-requests.ts`). Any other
 * outcome costs one unused request, which is cancelled.
 *
 * Deliberately narrow, because it acts on unvalidated data: only a named run, only a plain `http:`
 * endpoint of `kind: local` with an explicit context window and no API key (no secret is ever sent from
 * here, and the URL must appear in the configuration file's text), only when its breaker is closed and it
 * is not cooling down. Anything unexpected means no early request; it never throws.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import { coderRequest, MAX_FILE_BYTES_IN_PROMPT } from '../agents/prompts.ts';
import type { Plan } from '../agents/types.ts';
import { parseRunArgs } from './run-args.ts';
import { readConfigCache } from '../config/config-cache.ts';
import type { Candidate, EndpointConfig, KeelConfig } from '../config/schema.ts';
import { findConfigFile } from '../config/search-paths.ts';
import { estimatePromptTokens, fitMaxTokens } from '../fleet/context-budget.ts';
import { offerEarlyRequest } from '../fleet/early-requests.ts';
import { factsOf, readLearnedSnapshot } from '../fleet/learned-shapes.ts';
import { prefersLocal, selectCandidate, type BlockReason, type CandidateView } from '../fleet/selection.ts';
import { chatCompletionsUrl, requestBody } from '../fleet/request-body.ts';
import { planRequest, savedScanFacts } from '../fleet/request-plan.ts';
import { readFiles } from '../git/read-files.ts';
import { projectDir } from './project-dir.ts';
import { pendingSubtasks } from '../run/pending-subtasks.ts';
import { stateLayout, DEFAULT_STATE_DIR } from '../base/state-layout.ts';

/** How long an early request waits to be adopted before it is cancelled. */
export const EARLY_REQUEST_LIFETIME_MS = 20_000;

export type EarlyResumeOutcome = { sent: true; url: string; model: string } | { sent: false; why: string };

export interface EarlyResumeOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  now?: number;
}

/** Sends the early request when everything above holds; says why not otherwise. Never throws. */
export async function sendEarlyResumeRequest(
  argv: string[],
  options: EarlyResumeOptions,
): Promise<EarlyResumeOutcome> {
  try {
    return await prepareAndSend(argv, options);
  } catch (error) {
    return { sent: false, why: `unexpected: ${(error as Error).message}` };
  }
}

interface SavedState {
  status?: unknown;
  task?: { text?: unknown };
  repo?: { worktree?: unknown };
  plan?: Plan;
  steps?: Record<string, { status: string } | undefined>;
  fleet?: FleetSnapshot;
}

interface FleetSnapshot {
  breakers?: Record<string, { state?: unknown } | undefined>;
  cooldowns?: Record<string, { until?: unknown } | undefined>;
  health?: unknown;
  learned?: unknown;
}

async function prepareAndSend(argv: string[], options: EarlyResumeOptions): Promise<EarlyResumeOutcome> {
  if (options.env.KEEL_EARLY_REQUEST === '0') return { sent: false, why: 'disabled by KEEL_EARLY_REQUEST=0' };
  const args = parseRunArgs(argv.slice(1));
  if (typeof args.resume !== 'string') return { sent: false, why: 'not a resume of a named run' };
  // As `keel run` finds it (run-command.ts): the repository around the working directory.
  const repo = args.repo !== undefined ? resolve(options.cwd, args.repo) : projectDir(options);
  const stateDir = resolve(options.cwd, args.stateDir ?? resolve(repo, DEFAULT_STATE_DIR));

  const configPath =
    args.config !== undefined ? resolve(options.cwd, args.config) : findConfigFile(repo).absolute;
  if (configPath === undefined) return { sent: false, why: 'no configuration file' };
  const cache = readConfigCache(stateDir);
  const configText = readFileSync(configPath, 'utf8');
  if (cache?.path !== configPath || cache.text !== configText) {
    return { sent: false, why: 'the configuration changed since it was last validated' };
  }
  const config = cache.config;

  const state = JSON.parse(readFileSync(stateLayout(stateDir).run(args.resume).state, 'utf8')) as SavedState;
  if (state.status !== 'running' && state.status !== 'interrupted')
    return { sent: false, why: 'not resumable' };
  const { plan, steps } = state;
  const task = state.task?.text;
  const worktree = state.repo?.worktree;
  if (!plan || !steps || typeof task !== 'string' || typeof worktree !== 'string') {
    return { sent: false, why: 'no plan yet' };
  }
  const subtask = pendingSubtasks({ steps }, plan, 1)[0];
  if (!subtask) return { sent: false, why: 'no pending subtask' };

  // As the prefetch does (prefetch.ts): no work tree yet (a fresh checkout) means no files to show.
  const files = await readFiles({ worktree }, subtask.files, MAX_FILE_BYTES_IN_PROMPT).catch(() => []);
  // The coder's request exactly as the run will build it (`coderRequest`), or the router would not adopt it.
  const request = coderRequest({ task, plan, subtask, files, format: config.run.coderFormat ?? 'text' });
  const fleet = state.fleet ?? readFleetFile(stateLayout(stateDir).fleetState);
  const choice = chooseCandidate(config, fleet, estimatePromptTokens(request.messages), options);
  if ('why' in choice) return { sent: false, why: choice.why };
  const { endpoint, candidate, maxTokens } = choice;
  if (!configText.includes(endpoint.url)) return { sent: false, why: 'endpoint URL not in the file' };

  // Shaped as the router would shape it (request-plan.ts), from the same saved knowledge.
  const scan = savedScanFacts(fleet?.health, endpoint.id, candidate.model);
  const shaped = planRequest({
    kind: endpoint.kind,
    model: candidate.model,
    request,
    fitted: maxTokens,
    flavor: endpoint.flavor !== 'auto' ? endpoint.flavor : scan.flavor,
    ...(scan.outputCap !== undefined ? { listedOutputCap: scan.outputCap } : {}),
    exactPrompt: false,
    learned: factsOf(readLearnedSnapshot(fleet?.learned), endpoint, candidate.key),
  });
  const url = chatCompletionsUrl(endpoint.url);
  const call = {
    model: candidate.model,
    responseFormat: shaped.responseFormat,
    tokenParam: shaped.tokenParam,
    ...(shaped.maxTokens !== undefined ? { maxTokens: shaped.maxTokens } : {}),
  };
  const body = JSON.stringify(requestBody(request, call, true));
  await send(url, body);
  return { sent: true, url: url.href, model: candidate.model };
}

function readFleetFile(path: string): FleetSnapshot | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as FleetSnapshot;
  } catch {
    return undefined;
  }
}

type Choice =
  { endpoint: EndpointConfig; candidate: Candidate; maxTokens: number | undefined } | { why: string };

/**
 * The candidate the router would pick for this request on an idle fleet — by the router's own rules
 * (`selectCandidate`: tiers, least loaded, local first where `prefersLocal`, config order), over what the
 * saved fleet state says of breakers and cooldowns — then the conditions of this module's header.
 */
function chooseCandidate(
  config: KeelConfig,
  fleet: FleetSnapshot | undefined,
  promptTokens: number,
  options: EarlyResumeOptions,
): Choice {
  const now = options.now ?? Date.now();
  const endpoints = new Map(config.endpoints.map((e) => [e.id, e]));
  const fits = (endpoint: EndpointConfig): ReturnType<typeof fitMaxTokens> =>
    fitMaxTokens({
      window: endpoint.contextWindow,
      contextFraction: config.policy.contextFraction,
      promptTokens,
      requested: undefined,
      minOutputTokens: config.policy.minOutputTokens,
    });
  const chain = config.roles.coder ?? [];
  const views = chain.map((tier, tierIndex) =>
    tier.map((candidate, order): CandidateView => {
      const endpoint = endpoints.get(candidate.endpointId);
      const breaker = fleet?.breakers?.[candidate.key]?.state;
      const until = fleet?.cooldowns?.[candidate.endpointId]?.until;
      let blocked: BlockReason | undefined;
      if (!endpoint || !fits(endpoint).ok) blocked = 'context';
      else if (breaker !== undefined && breaker !== 'closed') blocked = 'breaker_open';
      else if (typeof until === 'number' && until > now) blocked = 'cooldown';
      return {
        key: candidate.key,
        endpointId: candidate.endpointId,
        tier: tierIndex,
        order,
        local: endpoint?.kind === 'local',
        ...(blocked !== undefined ? { blocked } : {}),
        unhealthy: false,
        inflight: 0,
        cap: endpoint?.maxParallel ?? 1,
      };
    }),
  );
  const picked = selectCandidate(views, {
    spillover: config.policy.spillover,
    preferLocal: prefersLocal(options.env.RUNNER_ENVIRONMENT),
  });
  if (picked.kind !== 'pick') return { why: 'no usable coder' };
  const candidate = chain[picked.candidate.tier]![picked.candidate.order]!;
  const endpoint = endpoints.get(candidate.endpointId)!;
  if (endpoint.kind !== 'local' || endpoint.apiKeyEnv !== undefined || endpoint.contextWindow === undefined) {
    return { why: `${endpoint.id} is not a keyless local endpoint with a configured context window` };
  }
  if (!endpoint.url.startsWith('http://')) return { why: `${endpoint.id} is not plain http` };
  const fit = fits(endpoint);
  return { endpoint, candidate, maxTokens: fit.ok ? fit.maxTokens : undefined };
}

/** How long the start waits for the request to reach the socket (loading keel blocks the event loop). */
const FLUSH_WAIT_MS = 100;

/** Sends the request and offers it for adoption; resolves once it is written (or after FLUSH_WAIT_MS). */
async function send(url: URL, body: string): Promise<void> {
  // Loaded here: every other command imports this module (cli.ts) and has no use for node:http.
  const { request: httpRequest } = await import('node:http');
  let cancel: () => void = () => undefined;
  let flushed: () => void = () => undefined;
  const written = new Promise<void>((resolveWritten) => {
    flushed = resolveWritten;
    setTimeout(resolveWritten, FLUSH_WAIT_MS).unref();
  });
  const response = new Promise<IncomingMessage>((resolveResponse, reject) => {
    const request = httpRequest(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'content-length': Buffer.byteLength(body),
      },
    });
    cancel = () => request.destroy(new Error('early request cancelled'));
    request.once('response', (message) => {
      // A cancelled response must not crash the process while nobody reads it; a reader adds its own.
      message.on('error', () => undefined);
      resolveResponse(message);
    });
    // Every error, not just the first: a cancellation after the response also lands here.
    request.on('error', (error) => {
      flushed();
      reject(error);
    });
    request.end(body, () => flushed());
  });
  offerEarlyRequest({ url: url.href, body, response, abort: () => cancel() }, EARLY_REQUEST_LIFETIME_MS);
  await written;
}
