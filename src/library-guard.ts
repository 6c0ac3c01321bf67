/**
 * Imported first by the library entry: on an older Node, `import … from 'keel'` fails with one clear
 * sentence rather than undici's `TypeError` (a library must not exit its host process, so it throws).
 */
import { nodeVersionProblem } from './base/node-version.ts';

const problem = nodeVersionProblem(process.version);
if (problem !== undefined) throw new Error(problem);
