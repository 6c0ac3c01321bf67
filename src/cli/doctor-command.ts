/**
 * `keel doctor`: every setup mistake keel can see before a run, each with what to do (`github/doctor/`).
 * The GitHub checks run when a token (`GITHUB_TOKEN` or `GH_TOKEN`) and the repository (`GITHUB_REPOSITORY`,
 * or the checkout's `origin` on github.com) are known. Exit 1 when something must be fixed first.
 */
import { resolve } from 'node:path';
import { createCommandRunner } from '../exec/command-runner.ts';
import { createGit } from '../git/git-runner.ts';
import { pushRefusal } from '../git/push-check.ts';
import { readActionContext, createOctokit } from '../github/api/index.ts';
import { renderDoctor, runDoctor } from '../github/doctor/doctor.ts';
import type { GitHubChecksOptions } from '../github/doctor/github-checks.ts';
import type { CliIO, Command } from './io.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { projectDir } from './project-dir.ts';

export const DOCTOR_USAGE = `usage: keel doctor [--config FILE] [--json]

Checks, each with what to do: the configuration validates; every apiKeyEnv is set; every endpoint answers
and serves the models the roles name; context windows are known; and on GitHub (with GITHUB_TOKEN or
GH_TOKEN, and GITHUB_REPOSITORY or an origin on github.com): issues are on, the keel labels exist, GitHub
Actions may create pull requests, the token can push.

  --config FILE    configuration file (default: .github/keel.yml or keel.yml at the repository root)
  --json           print the findings as JSON
Exit 1 when something must be fixed before a run.
`;

export const doctorCommand: Command = async (argv, io) => {
  const { values } = parseCommandArgs(
    {
      args: argv,
      options: {
        config: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    },
    DOCTOR_USAGE,
  );
  if (values.help) {
    io.stdout(DOCTOR_USAGE);
    return 0;
  }
  const home = projectDir(io);
  const report = await runDoctor({
    ...(values.config !== undefined ? { configPath: resolve(io.cwd, values.config) } : {}),
    cwd: home,
    env: io.env,
    signal: io.signal,
    ...(await githubChecks(io, home)),
  });
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderDoctor(report));
  return report.errors > 0 ? 1 : 0;
};

async function githubChecks(io: CliIO, home: string): Promise<{ github?: GitHubChecksOptions }> {
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN;
  if (!token) {
    io.stderr('keel doctor: no GITHUB_TOKEN or GH_TOKEN: the GitHub checks are skipped\n');
    return {};
  }
  const git = createGit({ runner: createCommandRunner() });
  const repository = io.env.GITHUB_REPOSITORY || (await originRepository(git, home));
  if (!repository) {
    io.stderr('keel doctor: no GITHUB_REPOSITORY and no github.com origin: the GitHub checks are skipped\n');
    return {};
  }
  const ctx = await readActionContext({ ...io.env, GITHUB_REPOSITORY: repository, GITHUB_WORKSPACE: home });
  return {
    github: {
      client: createOctokit({ token, baseUrl: ctx.apiUrl }),
      ctx,
      pushCheck: () => pushRefusal(git, home),
    },
  };
}

/** `owner/name` of an `origin` on github.com (https or ssh), if that is what the checkout has. */
async function originRepository(git: ReturnType<typeof createGit>, cwd: string): Promise<string | undefined> {
  const result = await git.run(['remote', 'get-url', 'origin'], { cwd, allowFailure: true });
  const match = /github\.com[:/]([A-Za-z0-9-]+\/[A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(
    result.stdout.text.trim(),
  );
  return match?.[1];
}
