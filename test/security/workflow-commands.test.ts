/**
 * Issue 12 §5: workflow commands cannot be injected into the job log. The runner reads `::name::` at the start
 * of any line of stdout or stderr (after white space) and `##[name]` anywhere; a coder answer that is broken
 * JSON came back quoted in the subtask's failure line, and a refused edit's path still does: keel logs both. A compliant model answering with
 * command lines must not raise an annotation (or mask a value, or stop command processing) in keel's step.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { neutralizeWorkflowCommands, workflowCommandGuard } from '../../src/base/workflow-commands.ts';
import { createWorld, dispatchEvent, E2E, runStep, type World } from '../action/helpers/action-harness.ts';
import { compliantModel } from './helpers/compliant-model.ts';

/** Every line of `log` the runner would take for a command, as the runner parses them (ActionCommand.cs). */
function commandsIn(log: string): string[] {
  return log.split(/\r?\n/).filter((line) => /^[\s\u0085]*::[A-Za-z-]+/.test(line) || line.includes('##['));
}

const INJECTED =
  '{"a":[\n::error title=owned::pwned\n  ::add-mask::keel\n##[warning]pwned again\n::stop-commands::x}';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('workflow commands in what keel logs', () => {
  it('are broken at a line start (after any white space) and in the legacy form, chunk by chunk too', () => {
    expect(commandsIn(neutralizeWorkflowCommands(INJECTED))).toEqual([]);
    const guard = workflowCommandGuard();
    const pieces = ['ok\n  ', ':', ':error::split\nx ##', '[debug]y\n'].map(guard).join('');
    expect(commandsIn(pieces)).toEqual([]);
    expect(pieces.replace(/\u200b/g, '')).toBe('ok\n  ::error::split\nx ##[debug]y\n');
  });

  it('a coder answering with command lines raises nothing in the built action’s log', E2E, async () => {
    world = await createWorld({
      responder: compliantModel({
        plan: [{ id: 'evil', title: 'Evil', files: ['src/evil.js'], instructions: 'Say it.' }],
        // A path with a line break: the refusal names it, so the model's words reach keel's log.
        code: {
          evil: { edits: [{ path: 'src/evil.js\n::error::owned', content: 'x' }], commitMessage: 'evil' },
        },
      }),
      run: { maxBatchRetries: 0 },
    });
    const runner = await world.runner('one');
    const event = dispatchEvent({ task: 'Evil.' });
    const exit = await runStep({ world, runner, entry: 'main', event, inputs: { task: 'Evil.' } });
    // One subtask, and it never gets a usable answer: the run gives up (`failed`), which is not the point.
    expect(exit.outputs.status, exit.stderr).toBe('failed');
    const log = `${exit.stdout}\n${exit.stderr}`;
    // The model's words did reach the log — the refusal names the path — as text: the line break escaped, or
    // the command broken.
    expect(log).toMatch(/evil\.js(\\n|\n\u200b)::error::owned/);
    // keel's own annotation is `::error title=…::`; a bare `::error::` line would be the model's.
    expect(commandsIn(log).filter((line) => /^\s*::error::/.test(line))).toEqual([]);
  });
});
