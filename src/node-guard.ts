/**
 * Imported first by the `keel` executable, before anything that loads undici: on an older Node the process
 * says which Node it needs in one line and exits 1, instead of dying in a dependency with a stack.
 * ES modules evaluate their imports in order, so nothing imported after this one has run yet.
 */
import { nodeVersionProblem } from './base/node-version.ts';

const problem = nodeVersionProblem(process.version);
if (problem !== undefined) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
