// What dist/ is built from, as one digest: every file under src/, the lock file, the build's own scripts and
// the compiler settings. The build writes it to dist/inputs.sha256; test/global-setup.ts compares it with a
// fresh one to tell whether the bundles the tests spawn are stale, without building (which takes a minute).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const INPUTS_FILE = 'inputs.sha256';

const FILES = [
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/build.mjs',
  'scripts/build-inputs.mjs',
];

export function inputsDigest(root) {
  const hash = createHash('sha256');
  const srcFiles = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
  for (const file of [...FILES, ...srcFiles].sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return `${hash.digest('hex')}\n`;
}
