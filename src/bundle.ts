/**
 * What `dist/keel/` is bundled from: keel's three faces — the `keel` bin, the Action's steps and the library —
 * each behind its own dynamic import. One ncc build of this file gives each face its own chunks and writes
 * every module they share once; three builds wrote undici, Octokit and the artifact client three times
 * (issue 13: committed dist/ ≤ 15 MB). Nothing is loaded until a face is asked for, so the bin still runs
 * its Node version check before undici loads, and the Action's cold start loads only what a step needs.
 * (`scripts/build.mjs` writes the small `dist/{cli,action,lib,<step>}/index.js` files that call these.)
 */
export const loadCli = (): Promise<unknown> => import('./cli.ts');
export const loadAction = (): Promise<typeof import('./main.ts')> => import('./main.ts');
export const loadLibrary = (): Promise<typeof import('./index.ts')> => import('./index.ts');

// What the bin runs before anything else loads (src/cli.ts): the early resume request and its hand-over.
// Exported here so that they sit in this entry chunk — loaded with it — instead of in chunks `loadCli`
// would have to fetch first: a resumed run's first model request waits for no chunk (the resume benchmark).
// Their modules have no side effects and load neither undici nor node:http.
export { sendEarlyResumeRequest } from './cli/early-resume.ts';
export { abandonEarlyRequests } from './fleet/early-requests.ts';
export { workflowCommandGuard } from './base/workflow-commands.ts';
