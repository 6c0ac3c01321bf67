/**
 * Creating without duplicating. A create whose answer may be lost after GitHub carried it out (a 5xx from a
 * proxy, a reset connection) is never repeated blindly: the client's retry plugin is off for creating
 * requests (`NO_BLIND_RETRY`), and keel retries them itself, looking the marker up before each new try.
 */
import type { EffectKind, EffectsContext } from './effects-context.ts';
import { githubMessage, statusOf } from './effects-errors.ts';

/** Tries of a create whose answer was lost (5xx, network), each preceded by a look-up of the marker. */
const CREATE_ATTEMPTS = 3;

/**
 * For creating requests: the client's retry plugin would repeat a POST that GitHub may already have carried
 * out (a 502 after the write), making a duplicate. keel retries those itself, looking the marker up first.
 */
export const NO_BLIND_RETRY = { request: { retries: 0 } };

/**
 * `create`, and on a lost answer, after a pause, `find`: only if nothing carries the marker is the create
 * tried again. Other failures (4xx) are thrown as they are.
 */
export async function createOnce<T>(
  ctx: EffectsContext,
  kind: EffectKind,
  marker: string,
  create: () => Promise<T>,
  find: () => Promise<T | undefined>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      const status = statusOf(error);
      if ((status !== undefined && status < 500) || attempt >= CREATE_ATTEMPTS) throw error;
      await ctx.clock.sleep(ctx.createRetryBaseMs * attempt ** 2);
      const found = await find();
      ctx.log({
        type: 'github_create_retry',
        kind,
        marker,
        attempt,
        error: githubMessage(error),
        found: found !== undefined,
      });
      if (found !== undefined) return found;
    }
  }
}
