/**
 * Issues (failed subtasks, the recovery issue) and the tracking comment. Every issue keel opens carries the
 * base label, because that label is how `findIssue` finds it again; an issue whose base label a human
 * removed is not found again, and that is their call.
 *
 * - `ensureIssue` never reopens: a closed failed-subtask issue is somebody's decision.
 * - `upsertIssue` rewrites title and body and REOPENS a closed issue: it is how the recovery issue is
 *   written, and a run that stopped again after its issue was closed needs it in front of people again.
 * - `closeIssue` comments first (the comment has a marker of its own, so a crash before the close does
 *   not post it twice), then closes as completed; an issue already closed is left alone.
 * - Without a tracking issue (schedule, dispatch) `upsertTrackingComment` writes nothing: the job summary
 *   carries the same information.
 */
import type { EffectRef, IssueSpec } from '../../run/effects.ts';
import { boundBody, boundTitle, closingMarker } from './effects-body.ts';
import type { CommentView, EffectsContext, IssueView } from './effects-context.ts';
import { createOnce, NO_BLIND_RETRY } from './effects-create.ts';
import { effectsError } from './effects-errors.ts';
import { uniqueLabels } from './effects-labels.ts';
import { findComment, findIssue, findTrackingComment } from './effects-lookup.ts';

export async function ensureIssue(ctx: EffectsContext, spec: IssueSpec): Promise<EffectRef> {
  const found = await findIssue(ctx, spec.marker);
  if (!found) return createIssue(ctx, spec);
  ctx.event('github_effect_found', 'issue', spec.marker, found);
  return issueRef(found, false);
}

export async function upsertIssue(ctx: EffectsContext, spec: IssueSpec): Promise<EffectRef> {
  const found = await findIssue(ctx, spec.marker);
  if (!found) return createIssue(ctx, spec);
  const title = boundTitle(spec.title, ctx.clean);
  const body = ctx.body('issue', spec.marker, spec.body);
  const change: { title?: string; body?: string; state?: 'open' } = {};
  if (found.title !== title) change.title = title;
  if ((found.body ?? '') !== body) change.body = body;
  if (found.state === 'closed') change.state = 'open';
  if (Object.keys(change).length === 0) {
    ctx.event('github_effect_found', 'issue', spec.marker, found);
    return issueRef(found, false);
  }
  try {
    await ctx.client.rest.issues.update({ ...ctx.repoParams, issue_number: found.number, ...change });
  } catch (error) {
    throw effectsError('update an issue', ctx.subject(found.number), error);
  }
  ctx.event('github_effect_updated', 'issue', spec.marker, found, change.state ? 'reopened' : 'body');
  return issueRef(found, false);
}

export async function closeIssue(
  ctx: EffectsContext,
  marker: string,
  comment: string,
): Promise<EffectRef | undefined> {
  const found = await findIssue(ctx, marker);
  if (!found) return undefined;
  if (found.state === 'closed') return issueRef(found, false);
  const closing = closingMarker(marker);
  const posted = found.comments > 0 && (await findComment(ctx, found.number, closing)) !== undefined;
  if (!posted) {
    const link = ctx.runUrl && !comment.includes(ctx.runUrl) ? `\n\nFinished by ${ctx.runUrl}` : '';
    const body = boundBody(`${comment}${link}`, closing, ctx.clean).text;
    try {
      await createOnce<CommentView>(
        ctx,
        'comment',
        closing,
        async () =>
          (
            await ctx.client.rest.issues.createComment({
              ...ctx.repoParams,
              issue_number: found.number,
              body,
              ...NO_BLIND_RETRY,
            })
          ).data,
        () => findComment(ctx, found.number, closing),
      );
    } catch (error) {
      throw effectsError('comment before closing', ctx.subject(found.number), error);
    }
  }
  try {
    await ctx.client.rest.issues.update({
      ...ctx.repoParams,
      issue_number: found.number,
      state: 'closed',
      state_reason: 'completed',
    });
  } catch (error) {
    throw effectsError('close an issue', ctx.subject(found.number), error);
  }
  ctx.event('github_effect_updated', 'issue', marker, found, 'closed');
  return issueRef(found, false);
}

export async function upsertTrackingComment(
  ctx: EffectsContext,
  marker: string,
  body: string,
): Promise<EffectRef> {
  const issue = ctx.trackingIssue;
  if (issue === undefined) {
    ctx.log({
      type: 'github_tracking_comment_skipped',
      marker,
      reason: 'no tracking issue for this run',
    });
    return { id: '', url: '', created: false };
  }
  const subject = `tracking issue ${ctx.subject(issue)}`;
  const text = ctx.body('comment', marker, body);
  const found = await findTrackingComment(ctx, issue, marker, subject);
  if (found) {
    if ((found.body ?? '') !== text) {
      try {
        await ctx.client.rest.issues.updateComment({
          ...ctx.repoParams,
          comment_id: found.id,
          body: text,
        });
      } catch (error) {
        throw effectsError('edit the tracking comment', subject, error);
      }
      ctx.commentEvent('github_effect_updated', marker, found, 'body');
    } else ctx.commentEvent('github_effect_found', marker, found);
    return { id: String(found.id), url: found.html_url, created: false };
  }
  let data: CommentView;
  try {
    data = await createOnce(
      ctx,
      'comment',
      marker,
      async () =>
        (
          await ctx.client.rest.issues.createComment({
            ...ctx.repoParams,
            issue_number: issue,
            body: text,
            ...NO_BLIND_RETRY,
          })
        ).data,
      () => findComment(ctx, issue, marker),
    );
  } catch (error) {
    throw effectsError('post the tracking comment', subject, error);
  }
  ctx.learnAuthor(data);
  ctx.comments.set(marker, data.id);
  ctx.commentEvent('github_effect_created', marker, data);
  return { id: String(data.id), url: data.html_url, created: true };
}

async function createIssue(ctx: EffectsContext, spec: IssueSpec): Promise<EffectRef> {
  const labels = uniqueLabels([ctx.baseLabel, ...spec.labels]);
  await ctx.labels.ensure(labels);
  const params = {
    ...ctx.repoParams,
    title: boundTitle(spec.title, ctx.clean),
    body: ctx.body('issue', spec.marker, spec.body),
    labels,
    ...NO_BLIND_RETRY,
  };
  let data: IssueView;
  try {
    data = await createOnce(
      ctx,
      'issue',
      spec.marker,
      async () => (await ctx.client.rest.issues.create(params)).data,
      () => findIssue(ctx, spec.marker),
    );
  } catch (error) {
    throw effectsError('open an issue', `${ctx.owner}/${ctx.repo}`, error);
  }
  ctx.learnAuthor(data);
  ctx.issues.set(spec.marker, data.number);
  ctx.event('github_effect_created', 'issue', spec.marker, data);
  return issueRef(data, true);
}

function issueRef(issue: { number: number; html_url: string }, created: boolean): EffectRef {
  return { id: String(issue.number), url: issue.html_url, created };
}
