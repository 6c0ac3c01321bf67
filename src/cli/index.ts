/**
 * The `keel` command table. Commands are imported lazily so that `keel run --resume` does not pay for
 * loading the simulator, and so on.
 */
import { UsageError, type CliIO, type Command } from './io.ts';
import { keelVersion } from './version.ts';

interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

const COMMANDS: Record<string, CommandEntry> = {
  probe: {
    summary: 'probe every endpoint: health, models, context windows (--json)',
    load: async () => (await import('./probe-command.ts')).probeCommand,
  },
  run: {
    summary: 'run a task through planner → coder → reviewer: keel run --task TEXT | --resume [RUN_ID]',
    load: async () => (await import('./run-command.ts')).runCommand,
  },
  init: {
    summary:
      'set keel up in this repository: .github/keel.yml from the endpoints found, the workflow, next steps',
    load: async () => (await import('./init-command.ts')).initCommand,
  },
  doctor: {
    summary:
      'check the setup before a first run: config, keys, models, labels, permissions (exit 1 on problems)',
    load: async () => (await import('./doctor-command.ts')).doctorCommand,
  },
  ask: {
    summary: 'send one routed request: keel ask --role R --prompt TEXT',
    load: async () => (await import('./ask-command.ts')).askCommand,
  },
  status: {
    summary: 'print the failover status table (role → chain → state)',
    load: async () => (await import('./status-command.ts')).statusCommand,
  },
  sim: {
    summary: 'run the fault-injecting fleet simulator: keel sim --endpoint NAME=PORT[:MODE[:LATENCY_MS]] …',
    load: async () => (await import('./sim-command.ts')).simCommand,
  },
  schema: {
    summary: 'print the JSON Schema of the configuration file',
    load: async () => (await import('./schema-command.ts')).schemaCommand,
  },
  demo: {
    summary: 'the end-to-end demonstration on the embedded simulated fleet',
    load: async () => (await import('./demo-command.ts')).demoCommand,
  },
  lane: {
    summary:
      'drain a task queue through the engine: keel lane --queue-file F --queue-state-file S [--persistent]',
    load: async () => (await import('./lane-command.ts')).laneCommand,
  },
  guard: {
    summary: 'the idle guard: start idle lanes that have queued work: keel guard once|loop [--lanes FILE]',
    load: async () => (await import('./guard-command.ts')).guardCommand,
  },
  gc: {
    summary: 'prune old finished runs: worktrees, merged work branches, run directories (--older-than 14d)',
    load: async () => (await import('./gc-command.ts')).gcCommand,
  },
  daemon: {
    summary: 'supervise the lanes (and the guard) as restarted child processes: keel daemon --lanes FILE',
    load: async () => (await import('./daemon-command.ts')).daemonCommand,
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return (
    `usage: keel <command> [options]\n       keel --version\n\ncommands:\n${lines.join('\n')}\n\n` +
    `Every command takes --help. Run inside a repository (any folder of it): the configuration and .keel/\n` +
    `are found at its root.\n`
  );
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout(`keel ${keelVersion()}\n`);
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr(`keel: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const command = await entry.load();
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`keel ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
