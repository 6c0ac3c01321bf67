/**
 * The idle guard on a GitHub runner reads the lanes' shared claims (issue 11 §6): a task a lane on another
 * runner claimed through GitHub (`refs/keel/claims/<queue>/<run id>`) is not queued work, although no
 * claim-state file on the guard's runner knows of it.
 */
import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { githubLaneClaims } from '../../src/action/guard-claims.ts';
import type { ActionContext } from '../../src/github/api/context.ts';
import { createOctokit } from '../../src/github/api/octokit.ts';
import { guardQueueDepth } from '../../src/guard/guard-queue.ts';
import { queueClaimPrefix } from '../../src/lanes/shared-claims.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { tempDir, type TempDir } from '../queue/helpers.ts';

let github: FakeGitHub | undefined;
let tmp: TempDir | undefined;
afterEach(async () => {
  await github?.close();
  await tmp?.cleanup();
});

describe('the guard counts what lanes claimed through GitHub', () => {
  it('a task claimed by a lane on another runner is not waiting work', async () => {
    tmp = await tempDir('keel-guard-claims-');
    const queueFile = tmp.path('queue.ndjson');
    await writeFile(queueFile, '{"id":"farewell","text":"a"}\n{"id":"version","text":"b"}\n');
    const prefix = queueClaimPrefix(queueFile, tmp.dir);
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'widgets',
      refs: { [`refs/keel/claims/${prefix}q-farewell`]: '0'.repeat(40) },
    });
    const client = createOctokit({ token: 'ghs_test', baseUrl: github.url });
    const ctx = { owner: 'acme', repo: 'widgets', workspace: tmp.dir } as ActionContext;
    const lane = {
      name: 'a',
      queueFile,
      queueStateFile: tmp.path('claims.json'),
      endpoints: [],
      kind: 'any' as const,
      persistent: true,
      runnerLabels: [],
      concurrency: 1,
      args: [],
    };
    const lanesFile = { version: 1 as const, stateDir: tmp.dir, lanes: [lane], guard: {} } as never;
    expect(await guardQueueDepth(lanesFile)(lane)).toBe(2);
    expect(await guardQueueDepth(lanesFile, githubLaneClaims(client, ctx))(lane)).toBe(1);
  });
});
