/**
 * The early resume request is only early if its module stays light: nothing it imports statically, however
 * indirectly, may load the HTTP client, the schemas, the YAML parser or node:crypto (measured: each costs
 * milliseconds to tens of milliseconds before the first model request).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENTRY = resolve(import.meta.dirname, '../../src/cli/early-resume.ts');
const HEAVY = ['zod', 'undici', 'yaml', 'opossum', 'node:crypto', 'crypto'];

/** Every module `file` loads through static imports (`import type` and dynamic `import()` excluded). */
function staticImports(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const specifiers = [
    ...readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)';/gms),
  ].map((m) => m[1]!);
  seen.set(file, specifiers);
  for (const specifier of specifiers) {
    if (specifier.startsWith('.')) staticImports(resolve(dirname(file), specifier), seen);
  }
  return seen;
}

describe('src/cli/early-resume.ts', () => {
  it('loads nothing heavy', () => {
    const graph = staticImports(ENTRY);
    const heavy = [...graph].flatMap(([file, specifiers]) =>
      specifiers.filter((s) => HEAVY.includes(s)).map((s) => `${file} imports ${s}`),
    );
    expect(heavy).toEqual([]);
    // The scan did follow the graph (a regex that matched nothing would pass the check above vacuously).
    expect(graph.size).toBeGreaterThan(8);
    expect([...graph.values()].flat()).toContain('../agents/prompts.ts');
  });
});
