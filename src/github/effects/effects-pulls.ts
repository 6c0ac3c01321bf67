/**
 * The pull request from keel's work branch. It is found by its head (the work branch) rather than by label:
 * it gets `spec.labels` only, not the base label, because the base-labelled issues are also the schedule's
 * task queue and a pull request has no business there.
 *
 * No create-with-lookup retry here: GitHub refuses a second open pull request for the branch, and when it
 * says one exists (a pull request without the marker), keel adopts it instead of failing. When the
 * repository has no draft pull requests, a draft is opened ready for review and labelled
 * `needs-human-review` instead.
 */
import type { EffectRef, PullRequestSpec } from '../../run/effects.ts';
import { boundTitle } from './effects-body.ts';
import type { EffectsContext, PullView } from './effects-context.ts';
import { effectsError, saysMatching, statusOf } from './effects-errors.ts';
import { labelNames, uniqueLabels } from './effects-labels.ts';
import { findPull } from './effects-lookup.ts';

export const NEEDS_HUMAN_REVIEW = 'needs-human-review';

/** A type, not an interface: Octokit's request parameters need its implicit index signature. */
type PullParams = {
  owner: string;
  repo: string;
  title: string;
  body: string;
  head: string;
  base: string;
  draft: boolean;
};

export async function ensurePullRequest(ctx: EffectsContext, spec: PullRequestSpec): Promise<EffectRef> {
  const branch = spec.head.includes(':') ? spec.head.slice(spec.head.indexOf(':') + 1) : spec.head;
  const head = `${ctx.owner}:${branch}`;
  const subject = `pull request ${branch} → ${spec.base} in ${ctx.owner}/${ctx.repo}`;
  const found = await findPull(ctx, spec.marker, head, subject);
  if (found) {
    ctx.pullEvent('github_effect_found', spec.marker, found);
    await addMissingLabels(ctx, found, pullLabels(spec, found.draft !== true), spec.marker);
    return pullRef(found, false);
  }

  const labels = uniqueLabels(spec.labels);
  await ctx.labels.ensure(spec.draft ? uniqueLabels([...labels, NEEDS_HUMAN_REVIEW]) : labels);
  const params = {
    ...ctx.repoParams,
    title: boundTitle(spec.title, ctx.clean),
    // keel's own closing keyword, for the issue that asked for the run, goes after the sanitiser.
    body: ctx.body(
      'pull_request',
      spec.marker,
      spec.body,
      ctx.closesIssue !== undefined ? `Closes #${ctx.closesIssue}` : '',
    ),
    head: branch,
    base: spec.base,
  };
  let created: { pull: PullView; adopted: boolean };
  let draft = spec.draft;
  try {
    created = await createPull(ctx, { ...params, draft }, head, spec.base, subject);
  } catch (error) {
    if (!(
      draft &&
      statusOf(error) === 422 &&
      saysMatching(error, /draft pull requests are not supported/i)
    )) {
      throw error;
    }
    ctx.log({ type: 'github_draft_unsupported', head });
    draft = false;
    created = await createPull(ctx, { ...params, draft }, head, spec.base, subject);
  }
  const { pull, adopted } = created;
  if (adopted) {
    ctx.log({ type: 'github_pull_request_adopted', head, id: pull.number, url: pull.html_url });
    // Somebody else's pull request on keel's branch is theirs to label; one of keel's is converged.
    if (pull.body?.includes(spec.marker) && (await ctx.isOwn('pull_request', spec.marker, pull))) {
      ctx.pulls.set(spec.marker, pull.number);
      await addMissingLabels(ctx, pull, pullLabels(spec, pull.draft !== true), spec.marker);
    }
    return pullRef(pull, false);
  }
  ctx.learnAuthor(pull);
  ctx.pulls.set(spec.marker, pull.number);
  ctx.pullEvent('github_effect_created', spec.marker, pull);
  await addMissingLabels(ctx, pull, pullLabels(spec, !draft), spec.marker);
  return pullRef(pull, true);
}

/**
 * Opens the pull request. GitHub allows one open pull request per head and base: when it says one
 * exists, that one is returned (`adopted`) rather than failing the run over it.
 */
async function createPull(
  ctx: EffectsContext,
  params: PullParams,
  head: string,
  base: string,
  subject: string,
): Promise<{ pull: PullView; adopted: boolean }> {
  try {
    const { data } = await ctx.client.rest.pulls.create(params);
    return { pull: data, adopted: false };
  } catch (error) {
    if (statusOf(error) === 422 && saysMatching(error, /draft pull requests are not supported/i)) throw error;
    if (statusOf(error) !== 422 || !saysMatching(error, /pull request already exists/i)) {
      const advice = saysMatching(error, /no commits between|head/i)
        ? 'is the work branch pushed, with commits?'
        : undefined;
      throw effectsError('open a pull request', subject, error, advice);
    }
    let open: PullView | undefined;
    try {
      const { data } = await ctx.client.rest.pulls.list({
        ...ctx.repoParams,
        head,
        base,
        state: 'open',
      });
      open = data[0];
    } catch (listError) {
      throw effectsError('list pull requests', subject, listError);
    }
    if (!open) throw effectsError('open a pull request', subject, error);
    return { pull: open, adopted: true };
  }
}

/** The labels the pull request should carry: the spec's, plus `needs-human-review` for a draft opened ready. */
function pullLabels(spec: PullRequestSpec, openedReady: boolean): string[] {
  return uniqueLabels(spec.draft && openedReady ? [...spec.labels, NEEDS_HUMAN_REVIEW] : spec.labels);
}

/** Adds the wanted labels the pull request lacks — none after a clean creation, some after a crash. */
async function addMissingLabels(
  ctx: EffectsContext,
  pull: PullView,
  wanted: string[],
  marker: string,
): Promise<void> {
  const present = labelNames(pull.labels);
  const missing = wanted.filter((name) => !present.has(name.toLowerCase()));
  if (missing.length === 0) return;
  await ctx.labels.ensure(missing);
  try {
    await ctx.client.rest.issues.addLabels({
      ...ctx.repoParams,
      issue_number: pull.number,
      labels: missing,
    });
  } catch (error) {
    throw effectsError('label the pull request', ctx.subject(pull.number), error);
  }
  ctx.pullEvent('github_effect_updated', marker, pull, 'labels');
}

function pullRef(pull: PullView, created: boolean): EffectRef {
  return { id: String(pull.number), url: pull.html_url, created };
}
