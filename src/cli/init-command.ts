/**
 * `keel init`: keel in a repository in one command (issue 11 §3) — `.github/keel.yml` from the endpoints it
 * finds (the ones named with `--endpoint`, or localhost's usual ports: Ollama 11434, LM Studio 1234,
 * llama.cpp 8080, vLLM 8000) and the models they list, with a hosted fallback; the workflow
 * `.github/workflows/keel.yml` (examples/workflows/keel.yml); with `--labels`, the labels people put on
 * issues. Then it prints the repository settings still to make. It never overwrites a file without `--force`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { pathExists } from '../base/atomic-file.ts';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig, validateConfigValue } from '../config/load.ts';
import { probeHealth } from '../fleet/probe.ts';
import { readActionContext, createOctokit } from '../github/api/index.ts';
import { statusOf } from '../github/effects/index.ts';
import { KEEL_REPOSITORY_PLACEHOLDER, KEEL_WORKFLOW } from './init/workflow-template.ts';
import { UsageError, type CliIO, type Command } from './io.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { projectDir } from './project-dir.ts';

export const INIT_USAGE = `usage: keel init [--endpoint URL]... [options]

Writes .github/keel.yml (the endpoints found and their models, a hosted fallback) and
.github/workflows/keel.yml (schedule, dispatch, /keel comments), then prints what is left to set up.

  --endpoint URL           an OpenAI-compatible server to use (repeat for several), e.g.
                           http://192.168.1.20:11434/v1; default: localhost's Ollama (11434), LM Studio
                           (1234), llama.cpp (8080) and vLLM (8000), whichever answer
  --hosted openai|none     the hosted fallback (default openai: OPENAI_API_KEY, gpt-5-nano)
  --keel OWNER/NAME@REF    the keel action the workflow uses (default ${KEEL_REPOSITORY_PLACEHOLDER}@v1)
  --labels                 create the keel and keel:paused labels (GITHUB_TOKEN and GITHUB_REPOSITORY)
  --force                  overwrite files that exist
`;

const LOCAL_PORTS: { port: number; id: string }[] = [
  { port: 11434, id: 'ollama' },
  { port: 1234, id: 'lmstudio' },
  { port: 8080, id: 'llamacpp' },
  { port: 8000, id: 'vllm' },
];
const PROBE_TIMEOUT_MS = 2_000;
const HOSTED = {
  id: 'openai',
  url: 'https://api.openai.com/v1',
  apiKeyEnv: 'OPENAI_API_KEY',
  model: 'gpt-5-nano',
};

interface FoundEndpoint {
  id: string;
  url: string;
  model: string;
  models: string[];
}

export const initCommand: Command = async (argv, io) => {
  const { values } = parseCommandArgs(
    {
      args: argv,
      options: {
        endpoint: { type: 'string', multiple: true },
        hosted: { type: 'string', default: 'openai' },
        keel: { type: 'string', default: `${KEEL_REPOSITORY_PLACEHOLDER}@v1` },
        labels: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    },
    INIT_USAGE,
  );
  if (values.help) {
    io.stdout(INIT_USAGE);
    return 0;
  }
  if (values.hosted !== 'openai' && values.hosted !== 'none')
    throw new UsageError(`--hosted ${JSON.stringify(values.hosted)}: expected openai or none`);
  const keel = /^([A-Za-z0-9-]+\/[A-Za-z0-9._-]+)@([A-Za-z0-9._/-]+)$/.exec(values.keel);
  if (!keel) throw new UsageError(`--keel ${JSON.stringify(values.keel)}: expected OWNER/NAME@REF`);

  const root = projectDir(io);
  const configPath = join(root, '.github', 'keel.yml');
  const workflowPath = join(root, '.github', 'workflows', 'keel.yml');
  if (!values.force) {
    const existing = [];
    for (const path of [configPath, workflowPath])
      if (await pathExists(path)) existing.push(relative(root, path));
    if (existing.length > 0) {
      io.stderr(`keel init: ${existing.join(' and ')} exist already; --force overwrites them\n`);
      return 1;
    }
  }

  const candidates = values.endpoint?.length
    ? values.endpoint.map((url, i) => ({ id: `lan-${i + 1}`, url: url.replace(/\/+$/, '') }))
    : LOCAL_PORTS.map(({ port, id }) => ({ id, url: `http://127.0.0.1:${port}/v1` }));
  io.stdout(`probing ${candidates.map((c) => c.url).join(', ')}\n`);
  const found: FoundEndpoint[] = [];
  for (const candidate of candidates) {
    const answer = await probeOne(candidate, io);
    if (answer === undefined) continue;
    found.push(answer);
    io.stdout(
      `  ${candidate.url}: ${answer.models.length} model(s): ${answer.models.slice(0, 8).join(', ')}\n`,
    );
  }
  if (found.length === 0 && values.hosted === 'none')
    throw new UsageError('no endpoint answered and --hosted none: name one with --endpoint URL');
  if (found.length === 0)
    io.stdout('  no local endpoint answered: the configuration uses the hosted one only\n');

  const config = configFor(found, values.hosted === 'openai');
  // What it writes must be what keel reads: validated before anything is written.
  validateConfigValue(config, relative(root, configPath));
  await write(configPath, `${CONFIG_HEADER}${stringify(config)}`);
  const workflow = KEEL_WORKFLOW.replaceAll(`${KEEL_REPOSITORY_PLACEHOLDER}@v1`, values.keel).replaceAll(
    KEEL_REPOSITORY_PLACEHOLDER,
    keel[1]!,
  );
  await write(workflowPath, workflow);
  io.stdout(`wrote ${relative(root, configPath)} and ${relative(root, workflowPath)}\n`);
  if (values.labels) await createLabels(io, root);
  io.stdout(nextSteps(found, values.hosted === 'openai'));
  return 0;
};

const CONFIG_HEADER = `# keel's configuration, written by \`keel init\`. Every key and its default: examples/keel.yml in keel's
# repository; \`keel schema\` prints the JSON Schema; \`keel doctor\` checks it against the endpoints.
`;

async function probeOne(
  candidate: { id: string; url: string },
  io: CliIO,
): Promise<FoundEndpoint | undefined> {
  let endpoint;
  try {
    endpoint = (
      await loadConfig({
        version: 1,
        endpoints: [{ id: candidate.id, url: candidate.url, kind: 'local' }],
        roles: { coder: [`${candidate.id}/probe`] },
      })
    ).endpoints[0]!;
  } catch (error) {
    throw new UsageError(`--endpoint ${candidate.url}: ${(error as Error).message}`);
  }
  const probe = await probeHealth(endpoint, { timeoutMs: PROBE_TIMEOUT_MS, env: io.env, signal: io.signal });
  if (!probe.healthy || probe.models.length === 0) return undefined;
  return { id: candidate.id, url: candidate.url, models: probe.models, model: preferredModel(probe.models) };
}

/** A coding model when the server has one (the coder is the role that matters most), else the first. */
function preferredModel(models: string[]): string {
  return models.find((m) => /coder|code/i.test(m)) ?? models[0]!;
}

function configFor(found: FoundEndpoint[], hosted: boolean): Record<string, unknown> {
  const local = found.map((e) => `${e.id}/${e.model}`);
  const tiers: (string | string[])[] = [];
  if (local.length === 1) tiers.push(local[0]!);
  if (local.length > 1) tiers.push(local);
  if (hosted) tiers.push(`${HOSTED.id}/${HOSTED.model}`);
  return {
    version: 1,
    endpoints: [
      ...found.map((e) => ({ id: e.id, url: e.url, kind: 'local' })),
      ...(hosted ? [{ id: HOSTED.id, url: HOSTED.url, kind: 'hosted', apiKeyEnv: HOSTED.apiKeyEnv }] : []),
    ],
    roles: { planner: tiers, coder: tiers, reviewer: tiers },
  };
}

function nextSteps(found: FoundEndpoint[], hosted: boolean): string {
  const steps = [
    '',
    'Still to do, in the repository on GitHub:',
    hosted
      ? `  1. Secrets: add ${HOSTED.apiKeyEnv} (Settings › Secrets and variables › Actions).`
      : '  1. Secrets: none needed by this configuration.',
    found.length > 0
      ? '  2. A self-hosted runner that reaches these endpoints, with the labels self-hosted and local-llm.'
      : '  2. Runner: the workflow asks for [self-hosted, local-llm]; with hosted endpoints only, use ubuntu-latest.',
    '  3. Settings › Actions › General › Workflow permissions: "Allow GitHub Actions to create and approve pull requests".',
    '  4. Labels keel and keel:paused (`keel init --labels`, or `gh label create keel`).',
    '  5. Commit .github/keel.yml and .github/workflows/keel.yml and push.',
    '  6. First run: Actions › keel › Run workflow with doctor: true (or `keel doctor` here).',
    '  7. Label an issue keel (the schedule takes it), or comment /keel run on one.',
    '',
  ];
  return steps.join('\n');
}

async function createLabels(io: CliIO, root: string): Promise<void> {
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token || !io.env.GITHUB_REPOSITORY) {
    io.stderr(
      'keel init: --labels needs GITHUB_TOKEN (or GH_TOKEN) and GITHUB_REPOSITORY; labels not created\n',
    );
    return;
  }
  const ctx = await readActionContext({ ...io.env, GITHUB_WORKSPACE: root });
  const client = createOctokit({ token, baseUrl: ctx.apiUrl });
  for (const [name, color, description] of [
    ['keel', '1d76db', 'queued for keel (the schedule takes the oldest)'],
    ['keel:paused', 'fbca04', 'keel leaves this alone until the label goes'],
  ] as const) {
    try {
      await client.rest.issues.createLabel({ owner: ctx.owner, repo: ctx.repo, name, color, description });
      io.stdout(`created label ${name}\n`);
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      io.stdout(`label ${name} exists\n`);
    }
  }
}

async function write(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
