/**
 * The configuration file users write (`.github/keel.yml` or `keel.yml`): one zod schema, the single source of
 * truth for validation, defaults, TypeScript types and the JSON Schema that `keel schema` prints.
 *
 * The schema stays free of transforms so that `z.toJSONSchema` can describe the input exactly; shaping the
 * parsed file into the router's form (tiers of `{ endpointId, model }`) happens in `load.ts`.
 */
import { z } from 'zod';

export const ROLE_NAMES = ['planner', 'coder', 'reviewer'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Endpoint ids never contain `/`: a chain entry is split at its first `/` into endpoint id and model. */
export const ENDPOINT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A chain entry: an endpoint id, "/", and a model name (which may itself contain "/"). */
export const CANDIDATE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\/\S+$/;
const candidateRef = z
  .string()
  .regex(CANDIDATE_PATTERN, 'expected "endpointId/model", e.g. "lan-a/qwen2.5-coder:7b"')
  .describe('An endpoint id and a model name, split at the first "/" (model names may contain "/").');

const tier = z
  .union([candidateRef, z.array(candidateRef).min(1, 'a tier lists at least one "endpointId/model"')], {
    error: 'expected "endpointId/model" or a list of them',
  })
  .describe('One "endpointId/model", or a list of them served least-loaded first.');

const chain = z
  .array(tier)
  .min(1, 'a role needs at least one tier')
  .describe('Tiers tried in order; the next tier is used only when the previous one cannot serve.');

const positiveMs = z.number().int().positive();
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * What model edits may not touch unless `run.allowProtectedEdits` (and, for workflows, `allowWorkflowEdits`):
 * files that run code in CI or on a developer's machine, or decide what runs — workflows and composite
 * actions, keel's own configuration (it holds `run.validate`: a model editing it chooses what runs next
 * time), code owners, submodules, attributes (filter drivers), and package-manager configs that can run code.
 */
export const DEFAULT_PROTECTED_PATHS = [
  '.github/workflows/**',
  '.github/actions/**',
  'action.yml',
  'action.yaml',
  '.github/keel.yml',
  '.github/keel.yaml',
  '.github/keel-lanes.yml',
  'keel.yml',
  'keel.yaml',
  'keel.json',
  'CODEOWNERS',
  '.gitmodules',
  '.gitattributes',
  '.npmrc',
  '.yarnrc',
  '.yarnrc.yml',
  '.pnpmfile.cjs',
  'bunfig.toml',
] as const;

export const timeoutsSchema = z
  .strictObject({
    connectMs: positiveMs.default(5_000).describe('TCP/TLS connect timeout.'),
    firstTokenMs: positiveMs
      .default(60_000)
      .describe('Time to the first streamed token (for non-streamed requests: to the response head).'),
    idleMs: positiveMs.default(30_000).describe('Longest gap allowed between two chunks of a response.'),
    totalMs: positiveMs.default(600_000).describe('Whole-request deadline.'),
    loadMs: positiveMs
      .default(120_000)
      .describe(
        'Added to firstTokenMs when the server must load the model first (not loaded at the last scan: ' +
          'Ollama /api/ps, LM Studio, llama.cpp router mode).',
      ),
  })
  .prefault({});

export const endpointSchema = z.strictObject({
  id: z.string().regex(ENDPOINT_ID_PATTERN, 'expected letters, digits, ".", "_" or "-" (no "/"), at most 64'),
  url: z
    .url({
      protocol: /^https?$/,
      error: 'expected an http(s) URL of an OpenAI-compatible API, e.g. http://host:11434/v1',
    })
    .describe('Base URL of the OpenAI-compatible API, usually ending in /v1.'),
  kind: z.enum(['local', 'hosted']).describe('local: a server on your LAN; hosted: a paid API.'),
  apiKeyEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the NAME of an environment variable, not a key')
    .optional()
    .describe('Name of the environment variable holding the API key. Literal keys are rejected.'),
  maxParallel: z
    .number()
    .int()
    .min(1)
    .max(1024)
    .optional()
    .describe(
      'Hard cap on requests in flight at this endpoint. Default: the slots the server reports (llama.cpp ' +
        '/props total_slots, LM Studio loaded_instances parallel), else 4.',
    ),
  contextWindow: z
    .number()
    .int()
    .min(256)
    .optional()
    .describe('Context window in tokens; discovered from the server when absent.'),
  reachable: z
    .boolean()
    .optional()
    .describe('For local endpoints: reachable from GitHub-hosted runners too (e.g. through a tunnel).'),
  flavor: z
    .enum(['auto', 'openai', 'vllm', 'llamacpp', 'lmstudio', 'ollama'])
    .default('auto')
    .describe('Server software, for context-window discovery; "auto" tries each.'),
  timeouts: timeoutsSchema,
  load: z
    .enum(['local', 'server', 'auto'])
    .default('auto')
    .describe(
      "Whose count of requests in flight holds maxParallel: local (keel's own), server (the server's /metrics: vLLM, llama.cpp), auto (server where the flavour reports it).",
    ),
});

export const policySchema = z
  .strictObject({
    breaker: z
      .strictObject({
        failureThreshold: z.number().int().min(1).max(1000).default(5),
        resetTimeoutMs: positiveMs.default(60_000).describe('Open → half-open after this long.'),
        windowMs: positiveMs.default(300_000).describe('Failures older than this do not count.'),
      })
      .prefault({}),
    cooldown: z
      .strictObject({
        baseMs: positiveMs.default(1_000).describe('First cooldown after a failure; doubles per failure.'),
        maxMs: positiveMs.default(300_000),
      })
      .prefault({})
      .refine((c) => c.maxMs >= c.baseMs, { message: 'maxMs must be at least baseMs', path: ['maxMs'] }),
    contextFraction: z
      .number()
      .gt(0)
      .max(1)
      .default(0.95)
      .describe(
        'Share of the context window a request may fill: max_tokens = floor(window × this) − prompt.',
      ),
    minOutputTokens: z
      .number()
      .int()
      .min(1)
      .default(256)
      .describe('A candidate whose window leaves fewer output tokens than this is skipped.'),
    spillover: z
      .boolean()
      .default(false)
      .describe('When a tier is saturated, let the next tier serve at once instead of waiting for a slot.'),
    maxWaitMs: z
      .number()
      .int()
      .nonnegative()
      .default(30_000)
      .describe('Longest wait for a free slot, or for the earliest cooldown to end.'),
    maxAttempts: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(12)
      .describe('Attempts per request across all candidates.'),
    maxResponseBytes: z
      .number()
      .int()
      .min(1024)
      .default(8 * 1024 * 1024)
      .describe('Responses larger than this are abandoned.'),
    probe: z
      .strictObject({
        healthIntervalMs: positiveMs.default(15_000),
        capabilityIntervalMs: positiveMs.default(300_000),
        timeoutMs: positiveMs.default(3_000),
        loadIntervalMs: positiveMs
          .default(1_000)
          .describe("Longest interval between two looks at a server's own load (load: server | auto)."),
        staleAfterMs: positiveMs.default(120_000).describe('Probe results older than this are ignored.'),
      })
      .prefault({}),
  })
  .prefault({});

export const runSettingsSchema = z
  .strictObject({
    validate: z
      .array(z.string().min(1).max(2_000))
      .max(20)
      .default([])
      .describe(
        'Commands run after coding in a throwaway copy of the work tree, e.g. ["npm test"]; they come from this file only.',
      ),
    validateTimeoutMs: positiveMs.default(600_000),
    validateEnv: z
      .array(z.string().regex(ENV_NAME, 'expected the NAME of an environment variable'))
      .max(100)
      .default([])
      .describe(
        'Environment variables passed to validation commands besides PATH, a fresh HOME and TMPDIR, the locale and CI. Never tokens, endpoint keys, ACTIONS_* or INPUT_*.',
      ),
    sandbox: z
      .enum(['auto', 'bwrap', 'none'])
      .default('auto')
      .describe(
        'Where validation commands run: bwrap (bubblewrap: read-only system, only the copy writable, no view of the checkout, HOME or RUNNER_TEMP), none, or auto (bwrap when it works here, else none; the summary says which).',
      ),
    validateNetwork: z
      .boolean()
      .default(true)
      .describe(
        'Validation commands may use the network. false needs the bwrap sandbox (--unshare-net); without it validation does not run.',
      ),
    minSuccessRate: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe('Share of coder subtasks that must succeed for a batch to be kept (partial success).'),
    maxBatchRetries: z
      .number()
      .int()
      .min(0)
      .max(10)
      .default(1)
      .describe('How often a batch below minSuccessRate is discarded and tried again before the run stops.'),
    maxSubtasks: z.number().int().min(1).max(200).default(12),
    coderFormat: z
      .enum(['text', 'json'])
      .default('text')
      .describe(
        'How the coder is asked for edits: text (edit blocks, code never escaped into JSON) or json; both are accepted.',
      ),
    allowWorkflowEdits: z
      .boolean()
      .default(false)
      .describe('Let model edits touch .github/workflows/ (off: a workflow change needs a human).'),
    protectedPaths: z
      .array(z.string().min(1).max(1_000))
      .max(200)
      .default([...DEFAULT_PROTECTED_PATHS])
      .describe(
        'Paths model edits may not touch (globs: * within a name, ** across folders; a pattern without / matches that name in any folder): what runs code or decides what runs. Setting it replaces the defaults.',
      ),
    allowProtectedEdits: z
      .boolean()
      .default(false)
      .describe('Let model edits touch protectedPaths (off: such a change needs a human).'),
    allowIgnoredPaths: z
      .boolean()
      .default(false)
      .describe(
        'Commit model edits to paths the repository ignores (forced in); off: such an edit fails its subtask with the reason.',
      ),
    exitCodeOnInterrupt: z
      .number()
      .int()
      .min(0)
      .max(255)
      .default(0)
      .describe('Exit code when a run is interrupted and checkpointed (0: the job is not marked failed).'),
    heartbeatMs: positiveMs.default(5_000),
    leaseStaleMs: positiveMs
      .default(60_000)
      .describe(
        'A run whose process has not beaten its heartbeat for this long may be taken over by another keel process (at least three heartbeats).',
      ),
  })
  .prefault({});

export const coordinationSchema = z
  .strictObject({
    redis: z
      .url({
        protocol: /^rediss?$/,
        error: 'expected a redis:// or rediss:// URL, e.g. redis://10.0.0.5:6379',
      })
      .refine((url) => new URL(url).password === '', {
        error: 'no password in the URL: put it in an environment variable and name that in passwordEnv',
      })
      .describe(
        "A Redis server every keel process of the fleet reaches: each endpoint's maxParallel then holds across machines.",
      ),
    passwordEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected the NAME of an environment variable, not a password')
      .optional()
      .describe('Name of the environment variable holding the Redis password.'),
    leaseTtlMs: z
      .number()
      .int()
      .min(1_000)
      .default(15_000)
      .describe(
        "A slot lease's time to live, renewed while its request runs: a dead machine's slots free after this.",
      ),
  })
  .describe('Coordination between keel processes on several machines (optional).');

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1, 'expected version: 1'),
    endpoints: z.array(endpointSchema).min(1, 'declare at least one endpoint'),
    roles: z.strictObject({
      planner: chain.optional(),
      coder: chain.optional(),
      reviewer: chain.optional(),
    }),
    policy: policySchema,
    run: runSettingsSchema,
    coordination: coordinationSchema.optional(),
  })
  .describe('keel configuration');

export type ConfigInput = z.input<typeof configSchema>;
export type ParsedConfig = z.output<typeof configSchema>;
/** `maxParallel` when the file leaves it out and the server reports no slot count. */
export const DEFAULT_MAX_PARALLEL = 4;
/** An endpoint as the router consumes it: `maxParallel` always set, and whether the file set it. */
export type EndpointConfig = Omit<z.output<typeof endpointSchema>, 'maxParallel'> & {
  maxParallel: number;
  /** The file left `maxParallel` out: the server's own slot count, once a scan reports it, replaces it. */
  maxParallelDefaulted?: true;
};
export type EndpointTimeouts = EndpointConfig['timeouts'];
export type Policy = z.output<typeof policySchema>;
export type RunSettings = z.output<typeof runSettingsSchema>;
export type Coordination = z.output<typeof coordinationSchema>;

/** One model on one endpoint: the unit the router picks, breaks and reports on. */
export interface Candidate {
  endpointId: string;
  model: string;
  /** `endpointId/model`, the key of breaker state and status rows. */
  key: string;
}

/** The configuration after validation and normalisation: what the router and the engine consume. */
export interface KeelConfig {
  version: 1;
  endpoints: EndpointConfig[];
  roles: Partial<Record<RoleName, Candidate[][]>>;
  policy: Policy;
  run: RunSettings;
  coordination?: Coordination;
}
