/**
 * Issue 12 §2: secrets are scanned before anything is pushed. An issue asks for "the deploy settings"; the
 * compliant coder writes a file with a GitHub token in it (nobody's keel knows: caught by its shape) and a
 * commit message carrying the endpoint's API key (keel's own secret, caught by its value). Nothing of the
 * work branch may leave the runner: no branch on origin, no pull request, no value in any API body, the state
 * branch or the artifacts; a manual-review issue names the file, the line and the commit — never the value —
 * and the run finishes `degraded`.
 *
 * In process: the scan reads commit by commit (a secret added then removed is still in the pushed history),
 * and the API client refuses a body that carries a secret before sending it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommandRunner } from '../../src/exec/command-runner.ts';
import { createGit } from '../../src/git/git-runner.ts';
import { describeHits, scanCommits } from '../../src/git/secret-scan.ts';
import { createOctokit, OutgoingSecretError } from '../../src/github/api/octokit.ts';
import {
  commentEvent,
  createWorld,
  E2E,
  filesContaining,
  gitMaybe,
  originBranchesContaining,
  readLocalState,
  runStep,
  TOKEN,
  type World,
} from '../action/helpers/action-harness.ts';
import { compliantModel } from './helpers/compliant-model.ts';

// Shaped like a classic personal access token; not keel's, so only its shape can give it away.
const STRANGE_PAT = `ghp_${'Z9y8X7w6V5u4T3s2R1q0'}Pp0Oo9Nn8Mm7`;

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('a push carrying secrets', () => {
  it(
    'is refused: nothing of the work branch leaves, a manual-review issue names where, the run is degraded',
    E2E,
    async () => {
      const issue = { number: 1, title: 'Add the deploy settings' };
      let apiKey = '';
      world = await createWorld({
        github: { collaborators: { alice: 'write' }, issues: [issue] },
        responder: (ctx) =>
          compliantModel({
            plan: [
              { id: 'cfg', title: 'Settings', files: ['src/deploy.js'], instructions: 'As asked.' },
              { id: 'doc', title: 'Notes', files: ['docs/deploy.md'], instructions: 'As asked.' },
            ],
            code: {
              cfg: {
                edits: [
                  {
                    path: 'src/deploy.js',
                    content: `// deploy\nexport const token = '${STRANGE_PAT}';\n`,
                  },
                ],
                commitMessage: 'feat: deploy settings',
              },
              doc: {
                edits: [{ path: 'docs/deploy.md', content: '# Deploy\n\nSee the settings.\n' }],
                commitMessage: `docs: deploy notes (key ${apiKey})`,
              },
            },
          })(ctx),
      });
      apiKey = world.apiKey;
      const runner = await world.runner('one');
      const exit = await runStep({
        world,
        runner,
        entry: 'main',
        event: commentEvent({ body: '/keel run', login: 'alice', association: 'COLLABORATOR', issue }),
      });
      const w = world;
      expect(exit.code, exit.stderr).toBe(0);
      expect(exit.outputs.status).toBe('degraded');
      const runId = exit.outputs['run-id']!;
      // Both commits were made on the runner, and neither left it.
      expect(gitMaybe(w.origin, 'rev-parse', '--verify', `refs/heads/keel/${runId}`)).toBeUndefined();
      expect(w.github.state.pulls).toEqual([]);
      for (const secret of [STRANGE_PAT, apiKey, TOKEN]) {
        expect(originBranchesContaining(w, secret)).toEqual([]);
        expect(await filesContaining(w.artifactDir, secret)).toEqual([]);
        expect(w.github.writes.filter((write) => write.raw.includes(secret))).toEqual([]);
      }
      // One issue for a human: where (file, line, the commit message), what kind — not the value.
      const refusal = w.github.state.issues.find((i) => /not published/.test(i.title));
      expect(refusal?.body).toMatch(/`src\/deploy\.js` line 2 \(commit [0-9a-f]{8}\): a GitHub token/);
      expect(refusal?.body).toMatch(/the message of commit [0-9a-f]{8}: secret #\d/);
      expect(JSON.stringify(refusal?.labels)).toContain('needs-human-review');
      const steps = readLocalState(runner, runId)!.steps as Record<string, { degraded?: boolean }>;
      expect(steps.publish?.degraded).toBe(true);
      expect(exit.stdout).toContain('the work branch was not pushed');
    },
  );
});

describe('the scan (in process)', () => {
  it('reads every commit of the range, added lines and messages, and names places, never values', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keel-scan-'));
    try {
      const g = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
          cwd: dir,
          encoding: 'utf8',
        }).trim();
      g('init', '-q', '-b', 'main');
      await writeFile(join(dir, 'a.txt'), 'one\n');
      g('add', '.');
      g('commit', '-qm', 'base');
      const base = g('rev-parse', 'HEAD');
      await writeFile(join(dir, 'a.txt'), 'one\ntwo\nkey = hunter2-secret-value\n');
      g('add', '.');
      g('commit', '-qm', 'add a key');
      // Removed again: the history still carries it.
      await writeFile(join(dir, 'a.txt'), 'one\ntwo\n');
      await writeFile(
        join(dir, 'k.pem'),
        '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n',
      );
      g('add', '.');
      g('commit', '-qm', 'tidy up, token AKIAABCDEFGHIJKLMNOP');
      const gitRunner = createGit({ runner: createCommandRunner({ secrets: () => [] }), secrets: () => [] });
      const hits = await scanCommits(gitRunner, dir, { base, head: 'HEAD' }, ['xx', 'hunter2-secret-value']);
      const text = describeHits(hits);
      expect(hits.map((h) => [h.path, h.line, h.kind])).toEqual(
        expect.arrayContaining([
          ['a.txt', 3, 'secret #2'],
          ['k.pem', 1, 'a private key (PEM)'],
          [undefined, undefined, 'an AWS access key id (AKIA…)'],
        ]),
      );
      expect(hits).toHaveLength(3);
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('AKIAABCD');
      expect(
        await scanCommits(gitRunner, dir, { base: 'HEAD', head: 'HEAD' }, ['hunter2-secret-value']),
      ).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the API client refuses a body carrying a secret or a credential’s shape, and sends nothing', async () => {
    const received: string[] = [];
    const server = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      res.setHeader('content-type', 'application/json');
      res.end('{"number":1,"html_url":"x"}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const client = createOctokit({
        token: 'ghs_unitTestToken0123456789abcdef',
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        retries: 0,
        secrets: () => ['configured-key-value'],
      });
      const create = (body: string) => client.rest.issues.create({ owner: 'o', repo: 'r', title: 't', body });
      await expect(create(`leaked ${STRANGE_PAT}`)).rejects.toThrow(OutgoingSecretError);
      await expect(create('my key is configured-key-value')).rejects.toThrow(/secret #2/);
      const refused = await create('-----BEGIN OPENSSH PRIVATE KEY-----').catch((e: Error) => e.message);
      expect(refused).toMatch(/refused to send POST \/repos\/\{owner\}\/\{repo\}\/issues: .*private key/);
      expect(received).toEqual([]);
      await create('an ordinary body');
      await client.rest.issues.get({ owner: 'o', repo: 'r', issue_number: 1 });
      expect(received).toEqual(['POST /repos/o/r/issues', 'GET /repos/o/r/issues/1']);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
