/**
 * Issue 12 §11: a checkpoint restored from an artifact is trusted by the resume (its plan, effects and
 * progress), so only an artifact keel could have written is restored. The download is held to the digest the
 * service listed (a changed copy, or one listing no digest, is refused and nothing of it installed), and the
 * artifact must come from this repository's own run (not a fork's pull request run) of the same workflow,
 * not expired, the newest such first.
 */
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactRunOf } from '../../src/action/artifact-source.ts';
import {
  createActionsArtifactStore,
  type ArtifactClientLike,
} from '../../src/durable/artifacts/artifacts.ts';
import type { GitHubClient } from '../../src/github/api/octokit.ts';
import { makeState } from '../run/fixtures/states.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'keel-artifact-sec-')));
  dirs.push(dir);
  return dir;
}

/** The service as a tamperer leaves it: it lists `listed`, and the bytes hash to `actual`. */
function service(o: { listed?: string; actual: string }) {
  const downloads: unknown[] = [];
  const client: ArtifactClientLike = {
    uploadArtifact: () => Promise.reject(new Error('not here')),
    deleteArtifact: () => Promise.reject(new Error('not here')),
    getArtifact: (name) =>
      Promise.resolve({ artifact: { name, id: 5, size: 1, ...(o.listed ? { digest: o.listed } : {}) } }),
    downloadArtifact: (_id, opts) => {
      downloads.push(opts);
      // A forged checkpoint, already extracted when the digest is compared (as the library does).
      const state = makeState('r1', { runId: 'r1' });
      writeFileSync(
        join(opts!.path!, 'state.json'),
        JSON.stringify({ ...state, task: { ...state.task, text: 'forged' } }),
      );
      return Promise.resolve({ downloadPath: opts!.path!, digestMismatch: opts?.expectedHash !== o.actual });
    },
  };
  return { client, downloads };
}

describe('restoring an artifact', () => {
  const store = (client: ArtifactClientLike) =>
    createActionsArtifactStore({ token: 't', owner: 'acme', repo: 'widgets', client, tempDir: tempDir() });

  it('passes the listed digest, and a copy that does not match it is refused and not installed', async () => {
    const tampered = service({ listed: `sha256:${'a'.repeat(64)}`, actual: `sha256:${'b'.repeat(64)}` });
    const into = join(tempDir(), 'runs', 'r1');
    mkdirSync(into, { recursive: true });
    const result = await store(tampered.client).download('keel-state-r1', into, { workflowRunId: 9 });
    expect(result).toEqual({
      ok: false,
      reason: 'artifact keel-state-r1 in workflow run 9: digest mismatch, not restored',
    });
    expect(tampered.downloads[0]).toMatchObject({ expectedHash: `sha256:${'a'.repeat(64)}` });
    expect(readdirSync(into)).toEqual([]);

    // The same bytes under their true digest are taken (bare hex, the upload response's form, is prefixed).
    const honest = service({ listed: 'b'.repeat(64), actual: `sha256:${'b'.repeat(64)}` });
    const taken = await store(honest.client).download('keel-state-r1', into, { workflowRunId: 9 });
    expect(taken, JSON.stringify(taken)).toMatchObject({ ok: true });
  });

  it('an artifact listing no digest is refused without downloading it', async () => {
    const unlisted = service({ actual: 'sha256:x' });
    const into = join(tempDir(), 'runs', 'r1');
    const result = await store(unlisted.client).download('keel-state-r1', into);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/lists no digest/) as unknown });
    expect(unlisted.downloads).toEqual([]);
  });
});

describe('which run an artifact may come from', () => {
  const REPO_ID = 100;
  const KEEL_WORKFLOW = 7;
  /** Runs by id: their workflow and repository. 1 is this run. */
  const runs: Record<number, { workflow_id: number; repository: { id: number } }> = {
    1: { workflow_id: KEEL_WORKFLOW, repository: { id: REPO_ID } },
    20: { workflow_id: KEEL_WORKFLOW, repository: { id: REPO_ID } },
    21: { workflow_id: KEEL_WORKFLOW, repository: { id: REPO_ID } },
    30: { workflow_id: 99, repository: { id: REPO_ID } },
    40: { workflow_id: KEEL_WORKFLOW, repository: { id: REPO_ID } },
    50: { workflow_id: KEEL_WORKFLOW, repository: { id: REPO_ID } },
  };
  const artifact = (id: number, run: number, at: string, extra: Record<string, unknown> = {}) => ({
    id,
    name: 'keel-state-r1',
    expired: false,
    created_at: at,
    workflow_run: { id: run, repository_id: REPO_ID, head_repository_id: REPO_ID },
    ...extra,
  });

  function client(artifacts: unknown[]) {
    const asked: number[] = [];
    const fake = {
      rest: {
        actions: {
          getWorkflowRun: ({ run_id }: { run_id: number }) => {
            asked.push(run_id);
            const run = runs[run_id];
            return run ? Promise.resolve({ data: run }) : Promise.reject(new Error('404'));
          },
          listArtifactsForRepo: () => Promise.resolve({ data: { total_count: artifacts.length, artifacts } }),
        },
      },
    };
    return { client: fake as unknown as GitHubClient, asked };
  }
  const ctx = { owner: 'acme', repo: 'widgets', runId: '1' };

  it('the newest of this repository’s own runs of this workflow, not expired, never a fork’s', async () => {
    const { client: c } = client([
      artifact(1, 20, '2026-12-01T00:00:00Z'),
      artifact(2, 21, '2026-12-03T00:00:00Z'),
      // Newer, but each disqualified: expired, a fork's pull request run, another workflow, another name.
      artifact(3, 40, '2026-12-06T00:00:00Z', { expired: true }),
      artifact(4, 50, '2026-12-06T00:00:00Z', {
        workflow_run: { id: 50, repository_id: REPO_ID, head_repository_id: 666 },
      }),
      artifact(5, 30, '2026-12-05T00:00:00Z'),
      artifact(6, 40, '2026-12-07T00:00:00Z', { name: 'keel-state-r10' }),
    ]);
    expect(await artifactRunOf(c, ctx, 'keel-state-r1')).toBe(21);
  });

  it('nothing qualifies, or this run cannot be placed: no earlier run at all', async () => {
    const fork = client([
      artifact(4, 50, '2026-12-06T00:00:00Z', {
        workflow_run: { id: 50, repository_id: REPO_ID, head_repository_id: 666 },
      }),
    ]);
    expect(await artifactRunOf(fork.client, ctx, 'keel-state-r1')).toBeUndefined();
    const good = client([artifact(1, 20, '2026-12-01T00:00:00Z')]);
    expect(await artifactRunOf(good.client, { ...ctx, runId: 'local' }, 'keel-state-r1')).toBeUndefined();
    expect(good.asked).toEqual([]);
    expect(await artifactRunOf(good.client, ctx, 'keel-state-r1')).toBe(20);
  });
});
