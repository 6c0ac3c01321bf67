/**
 * What `keel doctor` checks on GitHub before a first run (issue 11 §3), each finding saying what to do:
 *
 * - the labels people put on issues exist (`keel`, `keel:paused`); keel makes the rest when it needs them;
 * - issues are on (the schedule's queue, recovery and follow-up issues live there);
 * - GitHub Actions may create pull requests — the repository (or organisation) setting "Allow GitHub Actions
 *   to create and approve pull requests"; without it GitHub answers 403 "GitHub Actions is not permitted to
 *   create or approve pull requests" (upstream-github notes §5). The setting is readable with admin rights
 *   only (`GET /repos/{o}/{r}/actions/permissions/workflow`); with the workflow's token it is a reminder;
 * - the token can push (a `git push --dry-run`, which asks GitHub for write access like a real push);
 * - the runner runs `node24` actions (this step is one, when it runs inside the Action).
 */
import type { Finding } from '../../fleet/setup-findings.ts';
import type { ActionContext, GitHubClient } from '../api/index.ts';
import { githubMessage, statusOf } from '../effects/index.ts';

export const PR_SETTING =
  'Settings › Actions › General › Workflow permissions › "Allow GitHub Actions to create and approve pull requests" (and the organisation\'s, which can forbid it)';

/** Labels people use: the schedule's queue, and pausing. keel creates its other labels itself. */
const HUMAN_LABELS = ['keel', 'keel:paused'];

export interface GitHubChecksOptions {
  client: GitHubClient;
  ctx: Pick<ActionContext, 'owner' | 'repo'>;
  /** Tries a push without pushing; undefined when it would be accepted, else what git said. */
  pushCheck?: () => Promise<string | undefined>;
  /** The Node running this check when it runs inside the Action (the runner's node24). */
  actionNode?: string;
}

export async function githubFindings(o: GitHubChecksOptions): Promise<Finding[]> {
  const repo = { owner: o.ctx.owner, repo: o.ctx.repo };
  const findings: Finding[] = [];
  const where = `${repo.owner}/${repo.repo}`;

  try {
    const { data } = await o.client.rest.repos.get(repo);
    findings.push(
      data.has_issues === false
        ? {
            level: 'error',
            subject: 'issues',
            message: `issues are turned off in ${where}: the schedule's queue, recovery and follow-up issues live there`,
            fix: 'Settings › General › Features › Issues',
          }
        : { level: 'ok', subject: 'repository', message: `${where} is readable with this token` },
    );
  } catch (error) {
    findings.push({
      level: 'error',
      subject: 'repository',
      message: `cannot read ${where} (${statusOf(error) ?? 'no answer'}): ${githubMessage(error)}`,
      fix: 'check GITHUB_REPOSITORY and the token (github-token)',
    });
    return findings;
  }

  try {
    const names = new Set<string>();
    for await (const page of o.client.paginate.iterator(o.client.rest.issues.listLabelsForRepo, {
      ...repo,
      per_page: 100,
    })) {
      for (const label of page.data) names.add(label.name.toLowerCase());
    }
    const missing = HUMAN_LABELS.filter((name) => !names.has(name));
    findings.push(
      missing.length === 0
        ? { level: 'ok', subject: 'labels', message: `${HUMAN_LABELS.join(', ')} exist` }
        : {
            level: 'warning',
            subject: 'labels',
            message: `missing: ${missing.join(', ')} (label an issue keel to queue it for the schedule)`,
            fix: missing.map((name) => `gh label create ${name}`).join('; ') + ' (or `keel init --labels`)',
          },
    );
  } catch (error) {
    findings.push({
      level: 'warning',
      subject: 'labels',
      message: `cannot list labels: ${githubMessage(error)}`,
    });
  }

  findings.push(await pullRequestSetting(o.client, repo));

  if (o.pushCheck) {
    const refused = await o.pushCheck();
    findings.push(
      refused === undefined
        ? { level: 'ok', subject: 'push', message: 'the token can push (a dry run was accepted)' }
        : {
            level: 'error',
            subject: 'push',
            message: `the token cannot push: ${refused}`,
            fix: 'give the job `permissions: contents: write`, or pass a PAT / app token as github-token',
          },
    );
  }

  if (o.actionNode !== undefined) {
    findings.push({
      level: 'ok',
      subject: 'runner',
      message: `runs node24 actions (this step runs on Node ${o.actionNode})`,
    });
  }
  return findings;
}

async function pullRequestSetting(
  client: GitHubClient,
  repo: { owner: string; repo: string },
): Promise<Finding> {
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/actions/permissions/workflow', repo);
    const allowed = (data as { can_approve_pull_request_reviews?: unknown }).can_approve_pull_request_reviews;
    if (allowed === false)
      return {
        level: 'error',
        subject: 'pull requests',
        message:
          'GitHub Actions may not create pull requests in this repository: every run would end at publish with a 403',
        fix: `turn on ${PR_SETTING}, or pass a PAT / app token as github-token`,
      };
    return { level: 'ok', subject: 'pull requests', message: 'GitHub Actions may create pull requests' };
  } catch (error) {
    return {
      level: 'warning',
      subject: 'pull requests',
      message: `cannot read whether GitHub Actions may create pull requests (${statusOf(error) ?? 'no answer'}: that needs admin rights)`,
      fix: `make sure ${PR_SETTING} is on, or pass a PAT / app token as github-token`,
    };
  }
}
