// Checks that HEAD can be released (README "Releasing keel"): users run keel from the files at a tag
// (`uses: OWNER/keel@v1` downloads the tag; nothing builds it on their runner), so at a release tag
//
//   - package.json's version is the tag's: `vX.Y.Z` (or `vX.Y.Z-pre`) equals `v<version>`, and the moving
//     major tag `vX` names the version's major;
//   - dist/ is committed (no change to it in the working tree) and current (what a fresh build produces,
//     `scripts/build.mjs --check`).
//
//   node scripts/release-check.mjs [--tag vX.Y.Z] [--skip-build]
//
// The tag is --tag, else the pushed tag in Actions (GITHUB_REF_TYPE=tag, GITHUB_REF_NAME), else every v* tag
// at HEAD. --skip-build leaves out the fresh build (a minute) and checks the rest.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const FULL = /^v(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;
const MAJOR = /^v(\d+)$/;

/**
 * What is wrong with releasing `version` under `tags` (none: an empty list). `distChanges`: `git status
 * --porcelain -- dist` (uncommitted changes under dist/).
 */
export function releaseProblems({ version, tags, distChanges }) {
  const problems = [];
  if (typeof version !== 'string' || !FULL.test(`v${version}`))
    problems.push(`package.json: version ${JSON.stringify(version)} is not MAJOR.MINOR.PATCH`);
  if (tags.length === 0)
    problems.push('no release tag: HEAD carries no v* tag (tag it vX.Y.Z, or pass --tag vX.Y.Z)');
  for (const tag of tags) {
    if (FULL.test(tag)) {
      if (tag !== `v${version}`)
        problems.push(`tag ${tag} does not match package.json's version ${version} (expected v${version})`);
    } else if (MAJOR.test(tag)) {
      const major = String(version).split('.')[0];
      if (tag !== `v${major}`)
        problems.push(`tag ${tag} does not match package.json's major version ${major} (expected v${major})`);
    } else {
      problems.push(`tag ${tag} is not vMAJOR or vMAJOR.MINOR.PATCH`);
    }
  }
  const changed = distChanges.split('\n').filter((line) => line.trim() !== '');
  if (changed.length > 0) {
    const shown = changed.slice(0, 10).join('\n  ');
    const more = changed.length > 10 ? `\n  … and ${changed.length - 10} more` : '';
    problems.push(
      `dist/ has uncommitted changes (run npm run build and commit dist/ before tagging):\n  ${shown}${more}`,
    );
  }
  return problems;
}

function git(...args) {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trimEnd();
}

function tagsToCheck(argv, env) {
  const at = argv.indexOf('--tag');
  if (at >= 0) {
    const tag = argv[at + 1];
    if (!tag || tag.startsWith('-')) throw new Error('--tag needs a value, e.g. --tag v1.2.3');
    return [tag];
  }
  if (env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME) return [env.GITHUB_REF_NAME];
  return git('tag', '--points-at', 'HEAD', '--list', 'v*').split('\n').filter(Boolean);
}

async function main() {
  const argv = process.argv.slice(2);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const problems = releaseProblems({
    version,
    tags: tagsToCheck(argv, process.env),
    distChanges: git('status', '--porcelain', '--', 'dist'),
  });
  if (!argv.includes('--skip-build')) {
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (build.status !== 0)
      problems.push(
        `dist/ is not current: ${(build.stderr || build.stdout).trim().split('\n').join('\n  ')}`,
      );
  }
  if (problems.length > 0) {
    console.error(`keel release check failed:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(`keel ${version}: ready to release (version matches the tag, dist/ committed and current)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`keel release check: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
