#!/usr/bin/env node
/** The `keel` executable: wire the real process to the command table, nothing else. */
// First, before anything loads undici: on an older Node, one line and exit 1 (src/node-guard.ts).
import './node-guard.ts';
import { enableCompileCache } from 'node:module';
// Static: small (it loads node:http only when it sends), and one chunk fewer to fetch before the request.
import { abandonEarlyRequests } from './fleet/early-requests.ts';
import { sendEarlyResumeRequest } from './cli/early-resume.ts';
import { workflowCommandGuard } from './base/workflow-commands.ts';

// Installed first, before any await: a signal during start-up is caught, not fatal. `on`, not `once`: while a
// listener is there a signal never kills the process outright, so a storm of SIGINT/SIGTERM ends the way the
// first one asked for (a clean stop, the command's own exit code). A run counts the later ones itself
// (src/run/shutdown.ts: the third forces the exit, its state saved first, with the exit code
// `run.exitCodeOnInterrupt`); for any other command the third exits here, as the signal would.
const controller = new AbortController();
const isRun = process.argv[2] === 'run';
let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    signals += 1;
    if (!controller.signal.aborted) controller.abort(new Error(`received ${signal}`));
    if (signals >= 3 && !isRun) process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

// Resumes are measured from process start to the first model request: reuse V8's compiled code across
// runs (Node keeps the cache in the OS temp directory). Enabled before the command modules load.
enableCompileCache?.();

// A resumed run's first model request goes out now, while the rest of keel loads (src/cli/early-resume.ts).
if (process.argv[2] === 'run' && process.argv.includes('--resume')) {
  await sendEarlyResumeRequest(process.argv.slice(2), { cwd: process.cwd(), env: process.env });
}

const { runCli } = await import('./cli/index.ts');
const { formatFatal } = await import('./base/errors.ts');

/**
 * A reader that went away (`keel status | head -1`) is not an error of keel's: without a listener the
 * stream's EPIPE would be thrown as an uncaught exception with a stack. Later writes to that stream are
 * dropped, and the command goes on to its end — a run piped into `head` still checkpoints and finishes.
 */
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  // Inside a workflow job the runner reads commands out of stdout and stderr, and keel's lines carry
  // untrusted text (lanes run this CLI in Actions): see base/workflow-commands.ts.
  const guard = process.env.GITHUB_ACTIONS === 'true' ? workflowCommandGuard() : (text: string) => text;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw error;
  });
  return (text) => {
    if (!closed) stream.write(guard(text));
  };
}

const stdout = writer(process.stdout);
const stderr = writer(process.stderr);
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout,
    stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
    exit: (code) => process.exit(code),
  });
} catch (error) {
  stderr(formatFatal(error));
  process.exitCode = 1;
}
// An early request nothing adopted (the run stopped before its router existed) must not keep the process
// alive until the model answers.
abandonEarlyRequests();
