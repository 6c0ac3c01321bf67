/** Error messages a human can act on; they become the run's interruption reason. */
import { describe, expect, it } from 'vitest';
import {
  effectsError,
  GitHubEffectsError,
  hasValidationCode,
} from '../../src/github/effects/effects-errors.ts';

const failure = (status: number | undefined, data: unknown, message = 'request failed') =>
  Object.assign(new Error(message), status === undefined ? {} : { status, response: { data } });

describe('effectsError', () => {
  it('leads with what failed and why, GitHub’s words after', () => {
    const cases: [number | undefined, unknown, RegExp][] = [
      [
        undefined,
        undefined,
        /^GitHub unreachable while trying to post the tracking comment \(#3\): request failed$/,
      ],
      [401, { message: 'Bad credentials' }, /^GitHub rejected the token \(401\)/],
      [
        403,
        { message: 'Resource not accessible by integration' },
        /needs `issues: write`.*Resource not accessible/,
      ],
      [403, { message: 'You have exceeded a secondary rate limit' }, /^GitHub rate limit hit/],
      [403, { message: 'Unable to create comment because issue is locked.' }, /^#3 is locked/],
      [404, { message: 'Not Found' }, /^#3 not found \(404\)/],
      [410, { message: 'Issues are disabled for this repo' }, /410 Gone .*Issues are disabled/],
      [
        422,
        { message: 'Validation Failed', errors: [{ code: 'invalid', field: 'color' }] },
        /\(422\): Validation Failed: invalid \(color\)$/,
      ],
      [502, { message: 'Bad Gateway' }, /\(502\): Bad Gateway$/],
    ];
    for (const [status, data, pattern] of cases) {
      const error = effectsError('post the tracking comment', '#3', failure(status, data));
      expect(error).toBeInstanceOf(GitHubEffectsError);
      expect(error.status).toBe(status);
      expect(error.message).toMatch(pattern);
    }
  });

  it('blames the pull-request setting, not issues: write, for GitHub’s Actions 403 — whole within 200 characters', () => {
    // The body GitHub sends (upstream-github notes §5, danielroe/uppt#11).
    const body = {
      message: 'GitHub Actions is not permitted to create or approve pull requests.',
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      status: '403',
    };
    const error = effectsError(
      'open a pull request',
      'pull request keel/x → main in a/b',
      failure(403, body),
    );
    expect(error.message).toMatch(/^GitHub Actions may not open pull requests here \(403\)/);
    expect(error.message).toContain('Allow GitHub Actions to create and approve pull requests');
    expect(error.message).not.toContain('issues: write');
    expect(error.message.length).toBeLessThanOrEqual(200);
  });

  it('passes its own errors through and recognises validation codes', () => {
    const own = new GitHubEffectsError('x', 'y', 404);
    expect(effectsError('a', 'b', own)).toBe(own);
    const exists = failure(422, {
      message: 'Validation Failed',
      errors: [{ resource: 'Label', code: 'already_exists' }],
    });
    expect(hasValidationCode(exists, 'already_exists')).toBe(true);
    expect(hasValidationCode(failure(404, {}), 'already_exists')).toBe(false);
  });
});
