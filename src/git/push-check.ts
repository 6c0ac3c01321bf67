/**
 * Whether this checkout may push to its remote, without pushing: `git push --dry-run` of HEAD to a branch
 * name nobody uses. Over HTTPS the remote grants the push service only to a writer, so a read-only token is
 * refused here as it would be at the first real push — before a run spends an hour of model calls.
 */
import type { Git } from './git-runner.ts';

export async function pushRefusal(
  git: Git,
  repoRoot: string,
  remote = 'origin',
): Promise<string | undefined> {
  const result = await git.run(
    ['push', '--dry-run', '--porcelain', '--no-verify', remote, 'HEAD:refs/heads/keel/doctor-push-check'],
    { cwd: repoRoot, allowFailure: true, timeoutMs: 30_000 },
  );
  if (result.exitCode === 0) return undefined;
  const said = `${result.stderr.text}\n${result.stdout.text}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('To '));
  return (said[0] ?? `git push --dry-run exited ${result.exitCode}`).slice(0, 300);
}
