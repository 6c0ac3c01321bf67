/** `keel demo`: the front door — see src/cli/demo/run-demo.ts. `keel demo router` shows the router alone. */
import { runRouterDemo } from './demo/router-demo.ts';
import { runDemo } from './demo/run-demo.ts';
import type { Command } from './io.ts';

export const demoCommand: Command = async (argv, io) =>
  argv[0] === 'router' ? runRouterDemo(io) : runDemo(io);
