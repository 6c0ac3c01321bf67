/** Issues labelled `keel` as tasks, against the fake GitHub server. */
import { afterEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/api/octokit.ts';
import { issueTasks } from '../../src/github/tasks/issue-source.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';

let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

describe('issueTasks', () => {
  it('turns open keel issues into tasks, skipping PRs, paused, running and keel’s own records', async () => {
    github = await startFakeGitHub({
      owner: 'acme',
      repo: 'widgets',
      issues: [
        {
          number: 1,
          title: 'Add a farewell helper',
          body: 'In src/farewell.js.<!-- hidden -->',
          labels: ['keel'],
        },
        { number: 2, title: 'Paused one', labels: ['keel', 'keel:paused'] },
        { number: 3, title: 'Running one', labels: ['keel', 'keel:running'] },
        { number: 4, title: 'Recovery', labels: ['keel', 'keel-recovery'] },
        { number: 5, title: 'Record', body: 'x <!-- keel:run=abc step=code:x -->', labels: ['keel'] },
        { number: 6, title: 'Owned', labels: ['keel', 'keel:lane:local', 'keel:priority:7'] },
        { number: 7, title: 'Unknown lane', labels: ['keel', 'keel:lane:elsewhere'] },
        { number: 8, title: 'Two lanes', labels: ['keel', 'keel:lane:local', 'keel:lane:hosted'] },
        { number: 9, title: 'Not labelled', labels: ['bug'] },
        { number: 10, title: 'Closed', labels: ['keel'], state: 'closed' },
      ],
      pulls: [{ number: 11, title: 'A pull request', head: 'feature', labels: ['keel'] }],
    });
    const client = createOctokit({
      token: 't0ken',
      baseUrl: github.url,
      retryAfterBaseMs: 1,
      log: { warn: () => {} },
    });
    const ctx = { owner: 'acme', repo: 'widgets', serverUrl: 'https://github.com' };
    const { tasks, problems } = await issueTasks(client, ctx, ['local', 'hosted']);
    expect(tasks).toEqual([
      {
        id: 'issue:1',
        text: 'Add a farewell helper\n\nIn src/farewell.js.',
        priority: 0,
        source: 'issue',
        ref: expect.stringMatching(/\/issues\/1$/) as string,
      },
      expect.objectContaining({ id: 'issue:6', text: 'Owned', owner: 'local', priority: 7 }),
    ]);
    expect(problems).toEqual([
      {
        ref: expect.stringMatching(/\/issues\/7$/) as string,
        reason: 'owner "elsewhere" is not a configured lane',
      },
      {
        ref: expect.stringMatching(/\/issues\/8$/) as string,
        reason: 'more than one lane label: local, hosted',
      },
    ]);
    expect(github.writes).toEqual([]);
  });
});
