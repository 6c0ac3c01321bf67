/**
 * The import graph of src/, folder by folder: what the layer test checks. Reads every module's static
 * imports and re-exports and its dynamic `import('…')` of relative paths (a dynamic import is still a
 * dependency, only a later one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

export const SRC = join(import.meta.dirname, '..', '..', 'src');

/** The folder a module belongs to: its first directory under src/, or `(entries)` for src/*.ts. */
export function folderOf(modulePath: string): string {
  const parts = modulePath.split('/');
  return parts.length === 1 ? '(entries)' : parts[0]!;
}

export interface ImportEdge {
  /** src-relative, '/'-separated. */
  from: string;
  to: string;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm;

export function importsOf(modulePath: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const to = posix.normalize(posix.join(posix.dirname(modulePath), match[1]!));
    edges.push({ from: modulePath, to });
  }
  return edges;
}

export function sourceModules(dir: string = SRC): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    out.push(relative(SRC, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return out.sort();
}

export function importEdges(): ImportEdge[] {
  return sourceModules().flatMap((m) => importsOf(m, readFileSync(join(SRC, m), 'utf8')));
}

/** Imports into a folder with a face (`faces`) from outside it that name a module other than its index.ts. */
export function faceViolations(edges: readonly ImportEdge[], faces: readonly string[]): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const face = faces.find((f) => to.startsWith(`${f}/`));
    if (face === undefined || from.startsWith(`${face}/`) || to === `${face}/index.ts`) continue;
    out.push(`${from} -> ${to}: import ${face}/index.ts instead`);
  }
  return out;
}

/** Every import from one folder into another that is not strictly lower. */
export function layerViolations(edges: readonly ImportEdge[], layers: readonly string[][]): string[] {
  const rank = new Map<string, number>();
  layers.forEach((folders, i) => folders.forEach((f) => rank.set(f, i)));
  const out: string[] = [];
  for (const { from, to } of edges) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b) continue;
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra === undefined || rb === undefined) out.push(`${from} -> ${to}: folder not in src/layers.json`);
    else if (rb >= ra) out.push(`${from} -> ${to}: ${a} (layer ${ra}) may not import ${b} (layer ${rb})`);
  }
  return out;
}

/** Folder cycles, each as the folders of one strongly connected component (Tarjan). */
export function folderCycles(edges: readonly ImportEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    if (a !== b) graph.get(a)!.add(b);
  }
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return cycles;
}
