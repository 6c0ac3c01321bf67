/** `keel sim`: in-process with a fake CliIO, and as a real process stopped by SIGTERM. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/io.ts';
import { parseSimArgs, simCommand } from '../../src/cli/sim-command.ts';
import { captureIO } from '../helpers/cli-io.ts';
import { chatBody, connectError, postJson, readJson, type CompletionBody } from './sim-test-helpers.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A recording CliIO that also carries its printed lines, as the assertions below read them. */
function fakeIO(signal: AbortSignal) {
  const { io, out, err } = captureIO({}, repoRoot, signal);
  return Object.assign(io, { out, err });
}

interface EndpointLine {
  endpoint: string;
  url: string;
  port: number;
  mode: string;
  flavor: string;
}

function jsonLines(chunks: string[]): Record<string, unknown>[] {
  return chunks
    .join('')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('simCommand in-process', () => {
  it('prints one line per endpoint and one for control, serves, and stops on abort', async () => {
    const controller = new AbortController();
    const io = fakeIO(controller.signal);
    const running = simCommand(
      [
        '--endpoint',
        'a=0',
        '--endpoint',
        'b=0:e500:5',
        '--flavor',
        'b=ollama',
        '--models',
        'b=llama3,qwen',
        '--context-window',
        'a=4096',
      ],
      io,
    );
    await vi.waitFor(() => expect(jsonLines(io.out)).toHaveLength(3));
    const [a, b, control] = jsonLines(io.out) as [EndpointLine, EndpointLine, { control: string }];
    expect(a).toEqual({
      endpoint: 'a',
      url: `http://127.0.0.1:${a.port}/v1`,
      port: a.port,
      mode: 'ok',
      flavor: 'vllm',
    });
    expect(b).toMatchObject({ endpoint: 'b', mode: 'e500', flavor: 'ollama' });
    expect(control.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    expect((await postJson(`${a.url}/chat/completions`, chatBody())).status).toBe(200);
    expect((await postJson(`${b.url}/chat/completions`, chatBody({ model: 'qwen' }))).status).toBe(500);
    const models = (await (await fetch(`${a.url}/models`)).json()) as { data: { max_model_len: number }[] };
    expect(models.data[0]!.max_model_len).toBe(4096);
    const switched = await postJson(`${control.control}/__sim/mode`, { endpoint: 'b', mode: 'ok' });
    expect(switched.status).toBe(200);
    const tags = (await (await fetch(`http://127.0.0.1:${b.port}/api/tags`)).json()) as {
      models: { name: string }[];
    };
    expect(tags.models.map((model) => model.name)).toEqual(['sim-model', 'llama3', 'qwen']);

    controller.abort();
    expect(await running).toBe(0);
    expect(await connectError(a.port)).toBe('ECONNREFUSED');
    expect(await connectError(b.port)).toBe('ECONNREFUSED');
  });

  it('reports a port in use on stderr and exits 1', async () => {
    const first = new AbortController();
    const io = fakeIO(first.signal);
    const running = simCommand(['--endpoint', 'a=0'], io);
    await vi.waitFor(() => expect(jsonLines(io.out)).toHaveLength(2));
    const port = jsonLines(io.out)[0]!.port as number;
    const second = fakeIO(AbortSignal.abort());
    expect(await simCommand(['--endpoint', `x=${port}`], second)).toBe(1);
    expect(second.err.join('')).toContain(`cannot listen on 127.0.0.1:${port}`);
    first.abort();
    expect(await running).toBe(0);
  });

  it.each([
    [[], /at least one --endpoint/],
    [['--endpoint', 'a'], /--endpoint a: expected NAME=PORT/],
    [['--endpoint', 'a=http'], /--endpoint a=http: port/],
    [['--endpoint', 'a=0:explode'], /--endpoint a=0:explode: unknown mode "explode"/],
    [['--endpoint', 'a=0:ok:soon'], /--endpoint a=0:ok:soon: latency/],
    [['--endpoint', 'a/b=0'], /"a\/b" is not a valid endpoint name/],
    [['--endpoint', 'a=0', '--endpoint', 'a=0'], /named twice/],
    [['--endpoint', 'a=0', '--flavor', 'b=ollama'], /--flavor b=ollama: no --endpoint named "b"/],
    [['--endpoint', 'a=0', '--flavor', 'a=tgi'], /--flavor a=tgi: unknown flavor/],
    [['--endpoint', 'a=0', '--fail-rate', 'a=2'], /--fail-rate a=2/],
    [['--endpoint', 'a=0', '--context-window', 'a=big'], /--context-window a=big/],
    [['--endpoint', 'a=0', '--listing', 'a=anthropic'], /--listing a=anthropic: unknown listing/],
    [['--endpoint', 'a=0', '--proxy-max-body', 'a=0'], /--proxy-max-body a=0/],
    [['--endpoint', 'a=0', '--control-port', '-1'], /--control-port/],
    [['--endpoint', 'a=0', '--bogus'], /--bogus/],
    [['--endpoint', 'a=0', 'extra'], /extra/],
  ])('rejects %j with a UsageError naming the argument', async (argv, message) => {
    const io = fakeIO(AbortSignal.abort());
    const error = await simCommand(argv, io).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  it('takes a hosted listing and a proxy body limit per endpoint', () => {
    const options = parseSimArgs([
      '--endpoint',
      'gw=0',
      '--flavor',
      'gw=openai',
      '--listing',
      'gw=openrouter',
      '--proxy-max-body',
      'gw=1048576',
    ]);
    expect(options).not.toBe('help');
    expect(options !== 'help' && options.endpoints[0]).toMatchObject({
      listing: 'openrouter',
      proxyMaxBodyBytes: 1_048_576,
    });
  });

  it('prints usage for --help', async () => {
    const io = fakeIO(AbortSignal.abort());
    expect(await simCommand(['--help'], io)).toBe(0);
    expect(io.out.join('')).toContain('--endpoint NAME=PORT[:MODE[:LATENCY_MS]]');
  });
});

describe('keel sim as a process', () => {
  it('serves until SIGTERM and exits 0', async () => {
    const child = spawn(process.execPath, ['src/cli.ts', 'sim', '--endpoint', 'a=0'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const firstLine = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      child.stdout.setEncoding('utf8').on('data', (text: string) => {
        buffered += text;
        if (buffered.includes('\n')) resolve(buffered.slice(0, buffered.indexOf('\n')));
      });
      void exited.then((code) => reject(new Error(`keel sim exited early (${code}): ${stderr}`)));
    });
    try {
      const { url, endpoint } = JSON.parse(firstLine) as { url: string; endpoint: string };
      expect(endpoint).toBe('a');
      const response = await postJson(`${url}/chat/completions`, chatBody());
      expect(response.status).toBe(200);
      expect((await readJson<CompletionBody>(response)).choices[0]!.message.content).toBe(
        'sim(a/sim-model): hello',
      );
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
