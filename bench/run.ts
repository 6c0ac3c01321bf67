/**
 * `npm run bench -- <suite>`: benchmarks that print figures, one JSON line per scenario. Targets are
 * reported next to the figures, never asserted: these machines are noisy, so ratios measured within one
 * run are what counts.
 */
const SUITES: Record<string, () => Promise<{ run: (args: string[]) => Promise<void> }>> = {
  router: () => import('./router.ts'),
  run: () => import('./run-suite.ts'),
  queue: () => import('./queue-suite.ts'),
  agents: () => import('./agents-suite.ts'),
  action: () => import('./action-suite.ts'),
};

const [name, ...args] = process.argv.slice(2);
if (name === undefined || !Object.hasOwn(SUITES, name)) {
  console.error(`usage: npm run bench -- <${Object.keys(SUITES).join('|')}> [options]`);
  process.exit(2);
}
await (await SUITES[name]!()).run(args);
