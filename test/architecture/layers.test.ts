import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  faceViolations,
  folderCycles,
  folderOf,
  importEdges,
  importsOf,
  layerViolations,
  sourceModules,
  SRC,
} from './import-graph.ts';

const { layers, faces } = JSON.parse(readFileSync(join(SRC, 'layers.json'), 'utf8')) as {
  layers: string[][];
  faces: string[];
};

describe('the folders of src/ are layers', () => {
  it('every folder has a layer', () => {
    const folders = new Set(sourceModules().map(folderOf));
    expect([...folders].filter((f) => !layers.flat().includes(f))).toEqual([]);
  });

  it('no import climbs up or sideways (src/layers.json)', () => {
    expect(layerViolations(importEdges(), layers)).toEqual([]);
  });

  it('the folder graph is acyclic', () => {
    expect(folderCycles(importEdges())).toEqual([]);
  });

  it('a folder with a face is entered only through its index.ts', () => {
    for (const face of faces) expect(existsSync(join(SRC, face, 'index.ts')), face).toBe(true);
    expect(faceViolations(importEdges(), faces)).toEqual([]);
  });

  it('base/ imports nothing of keel outside itself', () => {
    const out = importEdges().filter((e) => folderOf(e.from) === 'base' && folderOf(e.to) !== 'base');
    expect(out).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('see static, type-only, re-exported and dynamic imports', () => {
    const text = [
      "import { a } from '../run/state.ts';",
      "import type { B } from '../fleet/types.ts';",
      "export { c } from './c.ts';",
      "const d = await import('../agents/coder.ts');",
      "import '../telemetry/side-effect.ts';",
    ].join('\n');
    expect(importsOf('git/x.ts', text).map((e) => e.to)).toEqual([
      'run/state.ts',
      'fleet/types.ts',
      'git/c.ts',
      'agents/coder.ts',
      'telemetry/side-effect.ts',
    ]);
  });

  it('report an upward import, a sideways one, and a cycle', () => {
    const edges = [
      { from: 'fleet/router.ts', to: 'run/engine.ts' },
      { from: 'run/engine.ts', to: 'fleet/router.ts' },
      { from: 'git/x.ts', to: 'fleet/y.ts' },
    ];
    expect(layerViolations(edges, layers)).toEqual([
      'fleet/router.ts -> run/engine.ts: fleet (layer 3) may not import run (layer 5)',
      'git/x.ts -> fleet/y.ts: git (layer 3) may not import fleet (layer 3)',
    ]);
    expect(folderCycles(edges)).toEqual([['fleet', 'run']]);
  });

  it('report an import that goes past a face', () => {
    const edges = [
      { from: 'cli/a.ts', to: 'lanes/lane-runner.ts' },
      { from: 'cli/b.ts', to: 'lanes/index.ts' },
      { from: 'lanes/index.ts', to: 'lanes/lane-runner.ts' },
    ];
    expect(faceViolations(edges, ['lanes'])).toEqual([
      'cli/a.ts -> lanes/lane-runner.ts: import lanes/index.ts instead',
    ]);
  });
});
