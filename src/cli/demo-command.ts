/** `keel demo`: the front door — see src/cli/demo/run-demo.ts. `keel demo router` shows the router alone. */
import { runRouterDemo } from './demo/router-demo.ts';
import { runDemo } from './demo/run-demo.ts';
import { UsageError, type Command } from './io.ts';

export const DEMO_USAGE = `usage: keel demo [router]

  (no argument)  a real run on a simulated fleet in a temporary repository: failover, a SIGKILL after the
                 first commit, the checkpoint, the resume, and what the run left behind
  router         the router on its own: tiers, breakers, cooldowns, saturation
  --help         this help

Nothing leaves this machine: the fleet is simulated on loopback and no real model is called.
`;

export const demoCommand: Command = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(DEMO_USAGE);
    return 0;
  }
  if (argv.length > 1 || (argv[0] !== undefined && argv[0] !== 'router'))
    throw new UsageError(`unexpected argument "${argv.at(-1)}"\n\n${DEMO_USAGE}`);
  return argv[0] === 'router' ? runRouterDemo(io) : runDemo(io);
};
