/**
 * The Action's `doctor: true`: a first workflow run that checks the setup on the runner that will do the
 * work — its network (which endpoints it reaches), the secrets the workflow passes, the token's rights — and
 * runs nothing. The findings go to the log and the job summary; the step fails when something must be fixed.
 */
import { join } from 'node:path';
import { createCommandRunner } from '../exec/command-runner.ts';
import { createGit } from '../git/git-runner.ts';
import { pushRefusal } from '../git/push-check.ts';
import { doctorMarkdown, renderDoctor, runDoctor } from '../github/doctor/doctor.ts';
import type { ActionIO } from './action-io.ts';
import type { ActionBase } from './setup.ts';

export async function runDoctorStep(
  base: ActionBase,
  io: ActionIO,
  env: Record<string, string | undefined>,
  signal: AbortSignal,
): Promise<number> {
  const { settings, ctx, client } = base;
  // The dry run asks with the credential real pushes use: the input's token when there is one.
  const git = createGit({
    runner: createCommandRunner({ secrets: () => base.outgoingSecrets }),
    ...(base.remoteAuth ? { remoteAuth: base.remoteAuth } : {}),
  });
  const report = await runDoctor({
    configPath: join(ctx.workspace, settings.config),
    cwd: ctx.workspace,
    env,
    signal,
    github: {
      client,
      ctx,
      pushCheck: () => pushRefusal(git, ctx.workspace),
      actionNode: process.version,
    },
  });
  io.info(renderDoctor(report).trimEnd());
  await io.summary(doctorMarkdown(report));
  io.setOutput('status', report.errors > 0 ? 'failed' : 'completed');
  return report.errors > 0 ? 1 : 0;
}
