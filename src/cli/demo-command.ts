/** `keel demo`: the front door — see src/demo/. */
import { runRouterDemo } from '../demo/router-demo.ts';
import type { Command } from './io.ts';

export const demoCommand: Command = async (_argv, io) => runRouterDemo(io);
