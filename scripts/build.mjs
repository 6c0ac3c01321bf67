// Builds keel: `tsc` emits lib/ (the library that `import … from 'keel'` resolves to), then ncc bundles
// two entry points from lib/ into dist/ (committed: the Action and the `keel` bin run from there):
//
//   dist/cli/       the `keel` bin
//   dist/lib/       the library (package.json `exports`); lib/*.d.ts are its types
//   dist/action/    every step of the Action and its sub-actions, one bundle (`run(step)`)
//   dist/<step>/    index.js: `await run('<step>')` from ../action/ — what each action.yml names
//   dist/inputs.sha256  the digest of what dist/ was built from (scripts/build-inputs.mjs)
//
//   node scripts/build.mjs           build lib/ and dist/
//   node scripts/build.mjs --check   bundle into a temporary directory and fail if dist/ differs
//
// TypeScript 6 (typescript-eslint needs < 6.1) emits JS that ncc only bundles, so ncc's own TypeScript
// loader is never involved.
import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INPUTS_FILE, inputsDigest } from './build-inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');

/** dist/<name>/index.js ← lib/<entry>. */
export const ENTRIES = {
  cli: 'cli.js',
  action: 'main.js',
  // The library (`import … from 'keel'`, package.json `exports`): bundled like the bin, so that the package
  // has no runtime dependencies and `npm install -g <tarball or git URL>` fetches nothing.
  lib: 'index.js',
};

/**
 * The steps of the Action (`main`, `post`) and its sub-actions, each a two-line file over the one action
 * bundle: six copies of the same 9 MB would be 54 MB of dist/ for nothing. (src/action/steps.ts names them.)
 */
export const ACTION_STEPS = ['main', 'post', 'plan', 'code', 'review', 'guard', 'lane'];

const check = process.argv.includes('--check');
// lib/ is derived and ignored by git; ncc resolves node_modules from it, so it always lives in the repo.
const libDir = join(root, 'lib');
const distDir = check ? mkdtempSync(join(tmpdir(), 'keel-dist-')) : join(root, 'dist');

try {
  rmSync(libDir, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', libDir],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const out = join(distDir, name);
    rmSync(out, { recursive: true, force: true });
    const { code, assets } = await ncc(join(libDir, entry), {
      minify: false,
      sourceMap: false,
      quiet: true,
      target: 'es2024',
    });
    write(join(out, 'index.js'), code);
    for (const [file, asset] of Object.entries(assets)) write(join(out, file), asset.source);
    chmodSync(join(out, 'index.js'), 0o755);
  }
  for (const step of ACTION_STEPS) {
    const out = join(distDir, step);
    rmSync(out, { recursive: true, force: true });
    write(join(out, 'index.js'), `import { run } from '../action/index.js';\n\nawait run('${step}');\n`);
    write(join(out, 'package.json'), '{"type":"module"}\n');
  }
  write(join(distDir, INPUTS_FILE), inputsDigest(root));
  if (check) {
    const differences = compareTrees(join(root, 'dist'), distDir);
    if (differences.length > 0) {
      console.error(`dist/ is not what a fresh build produces:\n  ${differences.join('\n  ')}`);
      console.error('Run `npm run build` and commit dist/.');
      process.exitCode = 1;
    } else {
      console.log(
        `dist/ is current (${Object.keys(ENTRIES).length} bundles, ${ACTION_STEPS.length} action steps)`,
      );
    }
  }
} finally {
  if (check) {
    rmSync(distDir, { recursive: true, force: true });
  }
}

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function listFiles(dir) {
  const files = [];
  const walk = (current) => {
    let entries;
    try {
      entries = readdirSync(current);
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files.sort();
}

function compareTrees(committed, fresh) {
  const a = new Set(listFiles(committed));
  const b = new Set(listFiles(fresh));
  const differences = [];
  for (const file of b) {
    if (!a.has(file)) differences.push(`missing: dist/${file}`);
    else if (!readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file)))) {
      differences.push(`differs: dist/${file}`);
    }
  }
  for (const file of a) if (!b.has(file)) differences.push(`extra: dist/${file}`);
  return differences;
}
