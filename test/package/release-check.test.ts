/**
 * The release check (issue 11 §1, README "Releasing keel"): a release tag names package.json's version — the
 * full `vX.Y.Z` exactly, the moving `vX` its major — and dist/ is committed at the tag. (That dist/ is current
 * is `scripts/build.mjs --check`, which `npm test` runs too.)
 */
import { describe, expect, it } from 'vitest';
import { releaseProblems } from '../../scripts/release-check.mjs';

describe('release check', () => {
  it('accepts the version’s own tag and its major tag with dist/ committed', () => {
    expect(releaseProblems({ version: '1.4.2', tags: ['v1', 'v1.4.2'], distChanges: '' })).toEqual([]);
    expect(releaseProblems({ version: '2.0.0-rc.1', tags: ['v2.0.0-rc.1'], distChanges: '' })).toEqual([]);
  });

  it('names a tag that is not package.json’s version', () => {
    const problems = releaseProblems({ version: '1.4.2', tags: ['v1.4.3'], distChanges: '' });
    expect(problems).toEqual(["tag v1.4.3 does not match package.json's version 1.4.2 (expected v1.4.2)"]);
  });

  it('names a major tag moved to another major', () => {
    const problems = releaseProblems({ version: '2.0.0', tags: ['v1'], distChanges: '' });
    expect(problems).toEqual(["tag v1 does not match package.json's major version 2 (expected v2)"]);
  });

  it('refuses no tag, a tag of another shape and a bad version', () => {
    expect(releaseProblems({ version: '1.0.0', tags: [], distChanges: '' })[0]).toMatch(/no release tag/);
    expect(releaseProblems({ version: '1.0.0', tags: ['release-1'], distChanges: '' })).toEqual([
      'tag release-1 is not vMAJOR or vMAJOR.MINOR.PATCH',
    ]);
    expect(releaseProblems({ version: '1.0', tags: ['v1'], distChanges: '' })[0]).toMatch(
      /version "1.0" is not MAJOR.MINOR.PATCH/,
    );
  });

  it('refuses uncommitted changes under dist/, naming them', () => {
    const problems = releaseProblems({
      version: '1.0.0',
      tags: ['v1.0.0'],
      distChanges: ' M dist/cli/index.js\n?? dist/lane/index.js\n',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('dist/ has uncommitted changes');
    expect(problems[0]).toContain('?? dist/lane/index.js');
  });
});
