/**
 * `keel ask --role R --prompt TEXT`: one routed request, the way an agent makes it. Prints the answer and
 * every attempt (which candidate, what happened, how long), so a user can watch failover happen.
 */
import { ROLE_NAMES, type RoleName } from '../config/schema.ts';
import { RouterError, type Attempt } from '../fleet/router-types.ts';
import { openFleetSession } from './fleet-session.ts';
import { UsageError, type Command } from './io.ts';
import { parseCommandArgs } from './parse-command-args.ts';

export const ASK_USAGE = `usage: keel ask --role ROLE --prompt TEXT [--system TEXT] [--stream] [--json]
                [--config FILE] [--state-dir DIR]

  --role ROLE      planner, coder or reviewer: whose chain serves the request
  --prompt TEXT    the user message
  --system TEXT    an optional system message
  --stream         stream the answer (first-token and idle timeouts apply to the stream)
  --json           print the answer and attempts as JSON
  --config FILE    configuration file (default: .github/keel.yml or keel.yml)
  --state-dir DIR  where the fleet state is kept between commands (default: .keel)
`;

export const askCommand: Command = async (argv, io) => {
  const options = parseAskArgs(argv);
  if (options.help) {
    io.stdout(ASK_USAGE);
    return 0;
  }
  const session = await openFleetSession(options, io);
  try {
    await session.refreshStaleProbes();
    const messages = [
      ...(options.system ? [{ role: 'system' as const, content: options.system }] : []),
      { role: 'user' as const, content: options.prompt },
    ];
    const done = await session.router.complete(
      options.role,
      { messages, stream: options.stream },
      { signal: io.signal },
    );
    if (options.json) {
      io.stdout(`${JSON.stringify(done, null, 2)}\n`);
    } else {
      io.stdout(`${done.content}\n\n`);
      io.stdout(
        `answered by ${done.key} after ${done.attempts.length} attempt(s):\n${renderAttempts(done.attempts)}`,
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof RouterError)) throw error;
    if (options.json)
      io.stdout(
        `${JSON.stringify({ error: error.message, reason: error.reason, attempts: error.attempts }, null, 2)}\n`,
      );
    else io.stderr(`keel ask: no answer — ${error.reason}\n${renderAttempts(error.attempts)}`);
    return 1;
  } finally {
    await session.close();
  }
};

export function renderAttempts(attempts: Attempt[]): string {
  return attempts
    .map((a, i) => {
      const detail = a.outcome === 'ok' ? '' : ` — ${a.message ?? ''}`;
      return `  ${i + 1}. ${a.key} (tier ${a.tier}): ${a.outcome} in ${Math.round(a.latencyMs)} ms${detail}\n`;
    })
    .join('');
}

interface AskOptions {
  role: RoleName;
  prompt: string;
  system?: string;
  stream: boolean;
  json: boolean;
  help: boolean;
  config?: string;
  stateDir?: string;
}

function parseAskArgs(argv: string[]): AskOptions {
  const { values } = parseCommandArgs(
    {
      args: argv,
      options: {
        role: { type: 'string' },
        prompt: { type: 'string' },
        system: { type: 'string' },
        stream: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        config: { type: 'string' },
        'state-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    },
    ASK_USAGE,
  );
  if (values.help) return { role: 'coder', prompt: '', stream: false, json: false, help: true };
  if (!values.role || !(ROLE_NAMES as readonly string[]).includes(values.role)) {
    throw new UsageError(`--role must be one of ${ROLE_NAMES.join(', ')}\n\n${ASK_USAGE}`);
  }
  if (!values.prompt) throw new UsageError(`--prompt is required\n\n${ASK_USAGE}`);
  return {
    role: values.role as RoleName,
    prompt: values.prompt,
    ...(values.system !== undefined ? { system: values.system } : {}),
    stream: values.stream,
    json: values.json,
    help: false,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values['state-dir'] !== undefined ? { stateDir: values['state-dir'] } : {}),
  };
}
