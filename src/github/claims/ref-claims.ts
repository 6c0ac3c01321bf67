/**
 * `RemoteClaims` on GitHub: one ref per claim, `refs/keel/claims/<key>`, created through the git data API.
 * Creating a ref that exists answers 422 "Reference already exists" (upstream-github notes §5), so the
 * create is the compare-and-set: of two runners claiming one key, exactly one gets 201.
 *
 * - Refs outside `refs/heads/` and `refs/tags/` are neither branches nor tags: they trigger no `push`
 *   workflow, clutter no branch list, and `git fetch` does not bring them (`git ls-remote origin
 *   'refs/keel/*'` shows them). The git refs API accepts any `refs/<a>/<b>` name (it asks for "refs" and at
 *   least two slashes).
 * - The ref points at a commit the repository has (the workflow's `GITHUB_SHA`): a ref must point somewhere,
 *   and the claim's meaning is its name.
 * - A create whose answer was lost (5xx, network) is not retried blindly (the retry plugin would turn our own
 *   success into "already exists"): keel looks the ref up, and when it exists calls it taken — never two
 *   runs of one key; a key lost that way is taken again with `/keel run` (issues) or a recycle (tasks).
 */
import type { RemoteClaimResult, RemoteClaims } from '../../queue/remote-claims.ts';
import type { GitHubClient } from '../api/index.ts';
import { effectsError, saysMatching, statusOf } from '../effects/index.ts';

export const CLAIMS_NAMESPACE = 'keel/claims';
const NO_BLIND_RETRY = { request: { retries: 0 } };
/** Pages of a hundred refs read by `list`: 10 000 claims. */
const MAX_PAGES = 100;

export interface RefClaimsOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** The commit every claim ref points at (the workflow's `GITHUB_SHA`). */
  sha: string;
  log?: (event: { type: string; [key: string]: unknown }) => void;
}

export function createRefClaims(o: RefClaimsOptions): RemoteClaims {
  const repo = { owner: o.owner, repo: o.repo };
  const log = o.log ?? (() => undefined);
  const exists = async (key: string): Promise<boolean> => {
    try {
      await o.client.rest.git.getRef({ ...repo, ref: `${CLAIMS_NAMESPACE}/${key}` });
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw effectsError('read a claim', `refs/${CLAIMS_NAMESPACE}/${key}`, error);
    }
  };
  return {
    async claim(key): Promise<RemoteClaimResult> {
      const ref = `refs/${CLAIMS_NAMESPACE}/${key}`;
      try {
        await o.client.rest.git.createRef({ ...repo, ref, sha: o.sha, ...NO_BLIND_RETRY });
        log({ type: 'claim_taken', ref });
        return { kind: 'claimed' };
      } catch (error) {
        const status = statusOf(error);
        if (status === 422 && saysMatching(error, /reference already exists/i)) {
          log({ type: 'claim_held_elsewhere', ref });
          return { kind: 'taken' };
        }
        if (status !== undefined && status < 500) throw effectsError('claim', ref, error);
        // The answer was lost: GitHub may have made the ref. Present means taken, by whoever made it.
        const made = await exists(key);
        log({ type: 'claim_answer_lost', ref, exists: made });
        if (made) return { kind: 'taken' };
        throw effectsError('claim', ref, error);
      }
    },
    async list(prefix) {
      const keys = new Set<string>();
      const base = `${CLAIMS_NAMESPACE}/${prefix}`;
      let pages = 0;
      try {
        for await (const page of o.client.paginate.iterator(o.client.rest.git.listMatchingRefs, {
          ...repo,
          ref: base,
          per_page: 100,
        })) {
          for (const entry of page.data) {
            const name = entry.ref.replace(/^refs\//, '');
            if (name.startsWith(base)) keys.add(name.slice(base.length));
          }
          if (++pages >= MAX_PAGES) break;
        }
      } catch (error) {
        throw effectsError('list claims', `refs/${base}*`, error);
      }
      return keys;
    },
    async release(key) {
      try {
        await o.client.rest.git.deleteRef({ ...repo, ref: `${CLAIMS_NAMESPACE}/${key}` });
        log({ type: 'claim_released', ref: `refs/${CLAIMS_NAMESPACE}/${key}` });
      } catch (error) {
        // 422 "Reference does not exist" (and 404): nothing to give up.
        const status = statusOf(error);
        if (status === 404 || status === 422) return;
        throw effectsError('release a claim', `refs/${CLAIMS_NAMESPACE}/${key}`, error);
      }
    },
  };
}
