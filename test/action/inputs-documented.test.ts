/**
 * Every input the Action's code reads is declared in an `action.yml` (the root one or a sub-action's) — an
 * undeclared input is always empty, since the runner only sets `INPUT_*` for declared ones — and appears in
 * the README, where users look for it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readSettings } from '../../src/action/settings.ts';
import { ROOT } from './helpers/action-harness.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Input names read in `src/action/**`: `io.input('x')`, `getInput('x')`, helpers called as `f(io, 'x' …)`. */
function inputsReadInSource(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\b(?:getInput|\.input)\(\s*'([a-z][a-z0-9-]*)'/g,
    /\b[A-Za-z_$][\w$]*\(\s*io\s*,\s*'([a-z][a-z0-9-]*)'/g,
  ];
  for (const file of sourceFiles(join(ROOT, 'src', 'action'))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) found.set(match[1]!, relative(ROOT, file));
    }
  }
  // `readSettings` reads through a closure the patterns do not see: ask it which names it reads.
  readSettings({
    input: (name) => {
      found.set(name, 'src/action/settings.ts');
      return '';
    },
  });
  return found;
}

function declaredInputs(): Map<string, string[]> {
  const files = [
    'action.yml',
    ...readdirSync(join(ROOT, 'actions')).map((name) => join('actions', name, 'action.yml')),
  ];
  const declared = new Map<string, string[]>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(join(ROOT, file), 'utf8');
    } catch {
      continue;
    }
    const doc = parse(text) as { inputs?: Record<string, { description?: string }> };
    for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
      expect(spec.description?.trim(), `${file}: input ${name} has no description`).toBeTruthy();
      declared.set(name, [...(declared.get(name) ?? []), file]);
    }
  }
  return declared;
}

describe('the Action inputs', () => {
  it('every input read in src/action is declared in an action.yml and named in the README', () => {
    const read = inputsReadInSource();
    // The scan found the inputs we know are read: it is not vacuous.
    for (const name of ['config', 'task', 'resume', 'run-id', 'github-token', 'subtask', 'allowed-bots']) {
      expect(read.has(name), `scan missed ${name}`).toBe(true);
    }
    const declared = declaredInputs();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const undeclared = [...read].filter(([name]) => !declared.has(name)).map(([n, f]) => `${n} (${f})`);
    expect(undeclared, 'read but declared in no action.yml').toEqual([]);
    const undocumented = [...read.keys()].filter((name) => !readme.includes(`\`${name}\``));
    expect(undocumented, 'read but not named in README.md').toEqual([]);
  });

  it('every input of the root action.yml is in the README', () => {
    const root = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const missing = Object.keys(root.inputs).filter((name) => !readme.includes(`| \`${name}\``));
    expect(missing).toEqual([]);
  });
});
