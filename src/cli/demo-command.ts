/** `keel demo`: the front door — see src/cli/demo/run-demo.ts. `keel demo router` shows the router alone. */
import { runRouterDemo } from './demo/router-demo.ts';
import { runDemo } from './demo/run-demo.ts';
import { UsageError, type Command } from './io.ts';

export const DEMO_USAGE = `usage: keel demo [router] [--keep]

  (no argument)  a real run on a simulated fleet in a temporary repository: failover, a SIGKILL after the
                 first commit, the checkpoint, the resume, and what the run left behind
  --keep         keep that repository afterwards (its path is printed), so the file:// records the run
                 printed — issues, the pull request, comments — and its .keel/ state can be opened
  router         the router on its own: tiers, breakers, cooldowns, saturation
  --help         this help

Nothing leaves this machine: the fleet is simulated on loopback and no real model is called.
`;

export const demoCommand: Command = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(DEMO_USAGE);
    return 0;
  }
  const keep = argv.includes('--keep');
  const rest = argv.filter((arg) => arg !== '--keep');
  const unexpected = rest.find((arg, i) => i > 0 || arg !== 'router');
  if (unexpected !== undefined) throw new UsageError(`unexpected argument "${unexpected}"\n\n${DEMO_USAGE}`);
  if (rest[0] === 'router') {
    if (keep) throw new UsageError(`--keep is for the run demo, not "router"\n\n${DEMO_USAGE}`);
    return runRouterDemo(io);
  }
  return runDemo(io, { keep });
};
