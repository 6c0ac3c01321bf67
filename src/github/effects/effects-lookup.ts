/**
 * Finding an effect by its hidden marker before anything is created, so a crash and a resume never
 * duplicate one. Each look-up tries the number remembered for the marker first (re-read, since it may have
 * been deleted or edited since) and otherwise lists:
 *
 * - issues: the base label, `state: all`, newest first, every page. Listing, not the search API: search is
 *   eventually consistent, so it misses the issue made just before a crash — the one case the look-up
 *   exists for — and has its own small rate limit.
 * - comments: the issue's comments, every page.
 * - pull requests: those whose head is the work branch, any state.
 *
 * A marker counts only in an item keel's own identity wrote (`EffectsContext.isOwn`): anybody can paste one
 * into a comment or an issue, and taking theirs would edit a stranger's comment or skip keel's own note.
 */
import {
  PER_PAGE,
  type CommentView,
  type EffectsContext,
  type IssueView,
  type PullView,
} from './effects-context.ts';
import { effectsError, statusOf } from './effects-errors.ts';

/** The issue carrying `marker`: the remembered number first, else every page of the base label. */
export async function findIssue(ctx: EffectsContext, marker: string): Promise<IssueView | undefined> {
  const known = ctx.issues.get(marker);
  if (known !== undefined) {
    try {
      const { data } = await ctx.client.rest.issues.get({ ...ctx.repoParams, issue_number: known });
      if (data.body?.includes(marker) && (await ctx.isOwn('issue', marker, data))) return data;
    } catch (error) {
      // Deleted or transferred since: look again as if it had never been seen.
      if (statusOf(error) !== 404 && statusOf(error) !== 410) {
        throw effectsError('read an issue', ctx.subject(known), error);
      }
    }
    ctx.issues.delete(marker);
  }
  try {
    const pages = ctx.client.paginate.iterator(ctx.client.rest.issues.listForRepo, {
      ...ctx.repoParams,
      labels: ctx.baseLabel,
      state: 'all',
      sort: 'created',
      direction: 'desc',
      per_page: PER_PAGE,
    });
    for await (const page of pages) {
      for (const issue of page.data) {
        // The issues API lists pull requests too; keel's pull request is found by its branch instead.
        if (issue.pull_request || !issue.body?.includes(marker)) continue;
        if (!(await ctx.isOwn('issue', marker, issue))) continue;
        ctx.issues.set(marker, issue.number);
        return issue;
      }
    }
  } catch (error) {
    throw effectsError(`list issues labelled "${ctx.baseLabel}"`, `${ctx.owner}/${ctx.repo}`, error);
  }
  return undefined;
}

/** The tracking comment carrying `marker` on `issue`: the remembered id first, else every page. */
export async function findTrackingComment(
  ctx: EffectsContext,
  issue: number,
  marker: string,
  subject: string,
): Promise<CommentView | undefined> {
  const known = ctx.comments.get(marker);
  if (known !== undefined) {
    try {
      const { data } = await ctx.client.rest.issues.getComment({
        ...ctx.repoParams,
        comment_id: known,
      });
      if (data.body?.includes(marker) && (await ctx.isOwn('comment', marker, data))) return data;
    } catch (error) {
      if (statusOf(error) !== 404) throw effectsError('read the tracking comment', subject, error);
    }
    ctx.comments.delete(marker);
  }
  try {
    const found = await findComment(ctx, issue, marker);
    if (found) ctx.comments.set(marker, found.id);
    return found;
  } catch (error) {
    throw effectsError('list comments', subject, error);
  }
}

/** The first comment on `issue` carrying `marker`, every page read if need be. Errors are raw. */
export async function findComment(
  ctx: EffectsContext,
  issue: number,
  marker: string,
): Promise<CommentView | undefined> {
  const pages = ctx.client.paginate.iterator(ctx.client.rest.issues.listComments, {
    ...ctx.repoParams,
    issue_number: issue,
    per_page: PER_PAGE,
  });
  for await (const page of pages) {
    for (const comment of page.data) {
      if (comment.body?.includes(marker) && (await ctx.isOwn('comment', marker, comment))) return comment;
    }
  }
  return undefined;
}

/** The pull request carrying `marker` whose head is `head`: the remembered number first, else every page. */
export async function findPull(
  ctx: EffectsContext,
  marker: string,
  head: string,
  subject: string,
): Promise<PullView | undefined> {
  const known = ctx.pulls.get(marker);
  if (known !== undefined) {
    try {
      const { data } = await ctx.client.rest.pulls.get({ ...ctx.repoParams, pull_number: known });
      if (data.body?.includes(marker) && (await ctx.isOwn('pull_request', marker, data))) return data;
    } catch (error) {
      if (statusOf(error) !== 404) throw effectsError('read a pull request', subject, error);
    }
    ctx.pulls.delete(marker);
  }
  try {
    const pages = ctx.client.paginate.iterator(ctx.client.rest.pulls.list, {
      ...ctx.repoParams,
      head,
      state: 'all',
      per_page: PER_PAGE,
    });
    for await (const page of pages) {
      for (const pull of page.data) {
        if (!pull.body?.includes(marker) || !(await ctx.isOwn('pull_request', marker, pull))) continue;
        ctx.pulls.set(marker, pull.number);
        return pull;
      }
    }
  } catch (error) {
    throw effectsError('list pull requests', subject, error);
  }
  return undefined;
}
