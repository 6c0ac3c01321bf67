/**
 * Who keel writes as on GitHub — the only author whose issues, comments and pull requests can carry one of
 * keel's markers for real. Anybody can paste `<!-- keel:run=<id> step=tracking -->` into a comment (run ids
 * are printed in public job logs); a look-up by marker that took any author's item would edit or adopt a
 * stranger's comment, or take a planted "closing" comment for keel's own.
 *
 * - The workflow's `GITHUB_TOKEN`, like every GitHub App installation token (`ghs_…`), writes as the app's
 *   bot; `GET /user` answers 403 "Resource not accessible by integration" for it, so it is not asked:
 *   `github-actions[bot]`.
 * - Any other token (a personal access token, an OAuth token) writes as its user: `GET /user` says who.
 *   Should that fail, `github-actions[bot]` again.
 * - What keel creates itself, it learns the author of (`EffectsContext.learnAuthor`): a custom App's
 *   installation token writes as `<slug>[bot]`, which the token does not tell.
 */
import type { GitHubClient } from './octokit.ts';

export const ACTIONS_BOT = 'github-actions[bot]';

/** The logins keel's token writes as, asked once; never throws. */
export async function writerLogins(client: GitHubClient, token: string): Promise<string[]> {
  if (token === '' || /^ghs_/i.test(token)) return [ACTIONS_BOT];
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return typeof data.login === 'string' && data.login !== '' ? [data.login] : [ACTIONS_BOT];
  } catch {
    return [ACTIONS_BOT];
  }
}
