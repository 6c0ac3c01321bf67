// Builds keel: `tsc` emits lib/ (the library that `import … from 'keel'` resolves to), then ncc bundles
// keel's three faces from one entry (lib/bundle.js) into dist/ (committed: the Action and the `keel` bin run
// from there):
//
//   dist/keel/      the one bundle: a small index.js (loadCli, loadAction, loadLibrary) and the chunks the
//                   faces load; a module two faces share is written once (issue 13: dist/ ≤ 15 MB)
//   dist/cli/       index.js: the `keel` bin, `loadCli()`
//   dist/lib/       index.js: the library (package.json `exports`), `loadLibrary()` re-exported by name;
//                   lib/*.d.ts are its types
//   dist/action/    index.js: `run(step)` for every step of the Action and its sub-actions, `loadAction()`
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
const ts = require('typescript');

/** The one bundle: dist/keel/index.js ← lib/bundle.js (src/bundle.ts). */
const BUNDLE = { dir: 'keel', entry: 'bundle.js' };

/** The faces' entry files, each a few lines over dist/keel/ (see `faceFiles`). */
export const FACES = ['cli', 'action', 'lib'];

/**
 * The steps of the Action (`main`, `post`) and its sub-actions, each a two-line file over dist/action/: six
 * copies of the same bundle would be tens of MB of dist/ for nothing. (src/action/steps.ts names them.)
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
  const bundle = join(distDir, BUNDLE.dir);
  rmSync(bundle, { recursive: true, force: true });
  const { code, assets } = await ncc(join(libDir, BUNDLE.entry), {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: 'es2024',
  });
  write(join(bundle, 'index.js'), code);
  for (const [file, asset] of Object.entries(assets)) write(join(bundle, file), asset.source);
  for (const [name, content] of Object.entries(faceFiles(libraryExports()))) {
    const out = join(distDir, name);
    rmSync(out, { recursive: true, force: true });
    write(join(out, 'index.js'), content);
    write(join(out, 'package.json'), '{"type":"module"}\n');
  }
  chmodSync(join(distDir, 'cli', 'index.js'), 0o755);
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
        `dist/ is current (one bundle, ${FACES.length} faces, ${ACTION_STEPS.length} action steps)`,
      );
    }
  }
} finally {
  if (check) {
    rmSync(distDir, { recursive: true, force: true });
  }
}

/**
 * The faces over dist/keel/. Each loads its part of the bundle only when run or imported: the bin's Node
 * check (src/node-guard.ts) still comes before undici loads.
 */
function faceFiles(libraryNames) {
  return {
    // V8's compile cache (in the OS temp directory) before the bundle loads: a resume is measured from process
    // start to its first model request, and compiling the entry chunk was ~3 ms of it. (Node < 22.1 has no
    // enableCompileCache; src/node-guard.ts then says which Node keel needs.)
    cli: [
      `#!/usr/bin/env node`,
      `import nodeModule from 'node:module';`,
      ``,
      `nodeModule.enableCompileCache?.();`,
      `const { loadCli } = await import('../keel/index.js');`,
      `await loadCli();`,
      ``,
    ].join('\n'),
    action: `import { loadAction } from '../keel/index.js';\n\nexport const { run } = await loadAction();\n`,
    lib: [
      `// The library: src/index.ts, bundled in ../keel/. Its types are lib/index.d.ts.`,
      `import { loadLibrary } from '../keel/index.js';`,
      ``,
      `export const {\n${libraryNames.map((name) => `  ${name},\n`).join('')}} = await loadLibrary();`,
      ``,
    ].join('\n'),
  };
}

/** The value names src/index.ts exports (types need no runtime name), read from the declarations tsc wrote. */
function libraryExports() {
  const file = join(libDir, 'index.d.ts');
  const program = ts.createProgram([file], { noEmit: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(file));
  const names = checker
    .getExportsOfModule(module)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return (target.flags & ts.SymbolFlags.Value) !== 0;
    })
    .map((symbol) => symbol.name)
    .sort();
  if (names.length === 0) throw new Error(`build: no value exports found in ${file}`);
  return names;
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
