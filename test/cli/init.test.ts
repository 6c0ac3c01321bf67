/**
 * `keel init` (issue 11 §3): the configuration from the endpoints it finds and the models they list, the
 * workflow users copy (examples/workflows/keel.yml, word for word), the steps left — and never a file
 * overwritten without --force.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEEL_WORKFLOW } from '../../src/cli/init/workflow-template.ts';
import { runCli } from '../../src/cli/index.ts';
import { loadConfig } from '../../src/config/load.ts';
import type { FleetSimulator } from '../../src/sim/fleet-simulator.ts';
import { captureIO } from '../helpers/cli-io.ts';
import { MODEL, startFleet } from '../run/helpers/run-fixture.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';
let fleet: FleetSimulator;

beforeEach(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'keel-init-')));
  execFileSync('git', ['init', '--quiet'], { cwd: dir });
  fleet = await startFleet({ endpoints: [{ name: 'a' }, { name: 'b' }] });
});
afterEach(async () => {
  await fleet.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('keel init', () => {
  it('writes a configuration keel reads, from the endpoints named and their models, and the workflow', async () => {
    mkdirSync(join(dir, 'src'));
    const { io, stdout } = captureIO({}, join(dir, 'src'));
    const urls = fleet.endpoints.map((e) => e.url);
    expect(
      await runCli(['init', '--endpoint', urls[0]!, '--endpoint', urls[1]!, '--keel', 'acme/keel@v2'], io),
    ).toBe(0);

    const config = await loadConfig(join(dir, '.github', 'keel.yml'));
    expect(config.endpoints.map((e) => [e.id, e.kind])).toEqual([
      ['lan-1', 'local'],
      ['lan-2', 'local'],
      ['openai', 'hosted'],
    ]);
    expect(config.roles.coder?.map((tier) => tier.map((c) => c.key))).toEqual([
      [`lan-1/${MODEL}`, `lan-2/${MODEL}`],
      ['openai/gpt-5-nano'],
    ]);
    const workflow = readFileSync(join(dir, '.github', 'workflows', 'keel.yml'), 'utf8');
    expect(workflow).toContain('uses: acme/keel@v2');
    expect(workflow).not.toContain('OWNER/keel');
    expect(parse(workflow)).toHaveProperty('jobs.keel');
    expect(stdout()).toMatch(/Allow GitHub Actions to create and approve pull requests/);
    expect(stdout()).toMatch(/Secrets: add OPENAI_API_KEY/);
  });

  it('with no endpoint answering, falls back to the hosted one alone', async () => {
    const { io, stdout } = captureIO({}, dir);
    expect(await runCli(['init', '--endpoint', 'http://127.0.0.1:9/v1'], io)).toBe(0);
    expect(stdout()).toContain('no local endpoint answered');
    const config = await loadConfig(join(dir, '.github', 'keel.yml'));
    expect(config.endpoints.map((e) => e.id)).toEqual(['openai']);
  });

  it('never overwrites without --force', async () => {
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github', 'keel.yml'), 'mine\n');
    const { io, stderr } = captureIO({}, dir);
    expect(await runCli(['init', '--endpoint', fleet.endpoints[0]!.url], io)).toBe(1);
    expect(stderr()).toMatch(/\.github\/keel\.yml exist already; --force overwrites them/);
    expect(readFileSync(join(dir, '.github', 'keel.yml'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, '.github', 'workflows', 'keel.yml'))).toBe(false);
  });

  it('writes the workflow of examples/workflows/keel.yml, word for word', () => {
    expect(KEEL_WORKFLOW).toBe(readFileSync(join(ROOT, 'examples', 'workflows', 'keel.yml'), 'utf8'));
  });
});
