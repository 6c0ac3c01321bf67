/**
 * Before any test: the bundles under dist/ that end-to-end tests spawn (the Action's steps, the `keel` bin)
 * must be built from the sources as they are now, or those tests would report on old code. dist/ records the
 * digest of what it was built from (dist/inputs.sha256); when today's sources differ, this builds dist/ again
 * (about 30 s) and says so — commit the result. `npm test` checks dist/ against a fresh build before vitest
 * runs, so in CI a stale committed dist/ fails there instead of being silently rebuilt here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INPUTS_FILE, inputsDigest } from '../scripts/build-inputs.mjs';

const ROOT = resolve(import.meta.dirname, '..');

export default function setup(): void {
  const built = readOrEmpty(join(ROOT, 'dist', INPUTS_FILE));
  if (built === inputsDigest(ROOT)) return;
  process.stderr.write('keel: dist/ is older than src/: building it before the tests (commit the result)\n');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (readOrEmpty(join(ROOT, 'dist', INPUTS_FILE)) !== inputsDigest(ROOT)) {
    throw new Error('keel: dist/ is still stale after a build: the sources changed while it ran');
  }
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
