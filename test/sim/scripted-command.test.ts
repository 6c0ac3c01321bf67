/**
 * `keel sim --responder`: scripted by default (a real keel pointed at it gets usable answers), realistic or
 * echo on request.
 */
import { describe, expect, it, vi } from 'vitest';
import { plannerMessages } from '../../src/agents/prompts.ts';
import { UsageError } from '../../src/cli/io.ts';
import { parseSimArgs, simCommand } from '../../src/cli/sim-command.ts';
import { echoResponder } from '../../src/sim/fleet-simulator.ts';
import { realisticResponder } from '../../src/sim/realistic-model.ts';
import { scriptedResponder } from '../../src/sim/scripted-model.ts';
import { captureIO } from '../helpers/cli-io.ts';
import { postJson, readJson, type CompletionBody } from './sim-test-helpers.ts';

describe('keel sim --responder', () => {
  it('defaults to the scripted model', () => {
    expect(parseSimArgs(['--endpoint', 'a=0'])).toMatchObject({ responder: scriptedResponder });
  });

  it.each([
    ['scripted', scriptedResponder],
    ['realistic', realisticResponder],
    ['echo', echoResponder],
  ])('takes %s', (name, responder) => {
    expect(parseSimArgs(['--endpoint', 'a=0', '--responder', name])).toMatchObject({ responder });
  });

  it.each(['gpt', 'constructor', ''])('rejects %j with a usage error', (name) => {
    expect(() => parseSimArgs(['--endpoint', 'a=0', '--responder', name])).toThrow(UsageError);
    expect(() => parseSimArgs(['--endpoint', 'a=0', '--responder', name])).toThrow(
      /expected scripted, realistic, echo/,
    );
  });

  it('answers a planner prompt with a plan, and anything else with the echo', async () => {
    const controller = new AbortController();
    const { io, out } = captureIO({}, process.cwd(), controller.signal);
    const running = simCommand(['--endpoint', 'a=0'], io);
    await vi.waitFor(() => expect(out.join('')).toContain('"control"'));
    const { url } = JSON.parse(out.join('').split('\n')[0]!) as { url: string };
    try {
      const messages = plannerMessages({ task: 'Add a clock.', repoFiles: [], maxSubtasks: 12 });
      const planned = await readJson<CompletionBody>(
        await postJson(`${url}/chat/completions`, { model: 'sim-model', messages }),
      );
      const plan = JSON.parse(planned.choices[0]!.message.content) as {
        milestones: { subtasks: { id: string }[] }[];
      };
      expect(plan.milestones[0]!.subtasks.map((s) => s.id)).toEqual(['add-a-clock']);

      const echoed = await readJson<CompletionBody>(
        await postJson(`${url}/chat/completions`, {
          model: 'sim-model',
          messages: [{ role: 'user', content: 'hi' }],
        }),
      );
      expect(echoed.choices[0]!.message.content).toBe('sim(a/sim-model): hi');
    } finally {
      controller.abort();
    }
    expect(await running).toBe(0);
  });
});
