/** The Prometheus text parser the server-load reader uses, on what vLLM and llama.cpp really print. */
import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sumOf } from '../../src/fleet/prometheus-text.ts';

describe('parsePrometheusText', () => {
  it('reads vLLM V1 gauges: HELP and TYPE skipped, labels, float values, one sample per engine', () => {
    const text = [
      '# HELP vllm:num_requests_running Number of requests in model execution batches.',
      '# TYPE vllm:num_requests_running gauge',
      'vllm:num_requests_running{engine="0",model_name="Qwen/Qwen3-8B"} 3.0',
      'vllm:num_requests_running{engine="1",model_name="Qwen/Qwen3-8B"} 2.0',
      '# HELP vllm:num_requests_waiting Number of requests waiting to be processed.',
      '# TYPE vllm:num_requests_waiting gauge',
      'vllm:num_requests_waiting{engine="0",model_name="Qwen/Qwen3-8B"} 0.0',
      'vllm:num_requests_waiting{engine="1",model_name="Qwen/Qwen3-8B"} 1.0',
      'vllm:num_requests_running{engine="0",model_name="other"} 7.0',
    ].join('\n');
    const samples = parsePrometheusText(text);
    expect(samples).toHaveLength(5);
    expect(samples[0]).toEqual({
      name: 'vllm:num_requests_running',
      labels: { engine: '0', model_name: 'Qwen/Qwen3-8B' },
      value: 3,
    });
    expect(sumOf(samples, 'vllm:num_requests_running')).toBe(12);
    expect(sumOf(samples, 'vllm:num_requests_running', { model_name: 'Qwen/Qwen3-8B' })).toBe(5);
    expect(sumOf(samples, 'vllm:num_requests_waiting')).toBe(1);
    expect(sumOf(samples, 'vllm:absent')).toBeUndefined();
  });

  it('reads llama.cpp series without labels, exponent values, and the odd forms of the format', () => {
    const text = [
      '# HELP llamacpp:prompt_tokens_total Number of prompt tokens processed.',
      '# TYPE llamacpp:prompt_tokens_total counter',
      'llamacpp:prompt_tokens_total 1.23457e+06',
      'llamacpp:requests_processing 2',
      'llamacpp:requests_deferred 0',
      'tiny 5E-3',
      'with_time{a="x"} 4 1712345678000',
      'escaped{path="C:\\\\dir\\"q\\"",line="a\\nb"} 1',
      'spaced{ a = "1" , b="2", } 6',
      'nan_gauge NaN',
      'up +Inf',
      'down -Inf',
      '  # indented comment',
      'broken{a="x" 1',
      'noval',
      'word{a="x"} twelve',
      '{a="x"} 1',
    ].join('\r\n');
    const samples = parsePrometheusText(text);
    const byName = new Map(samples.map((s) => [s.name, s]));
    expect(byName.get('llamacpp:prompt_tokens_total')!.value).toBe(1_234_570);
    expect(sumOf(samples, 'llamacpp:requests_processing')).toBe(2);
    expect(byName.get('tiny')!.value).toBe(0.005);
    expect(byName.get('with_time')).toEqual({ name: 'with_time', labels: { a: 'x' }, value: 4 });
    expect(byName.get('escaped')!.labels).toEqual({ path: 'C:\\dir"q"', line: 'a\nb' });
    expect(byName.get('spaced')).toEqual({ name: 'spaced', labels: { a: '1', b: '2' }, value: 6 });
    expect(byName.get('nan_gauge')!.value).toBeNaN();
    expect(byName.get('up')!.value).toBe(Number.POSITIVE_INFINITY);
    expect(byName.get('down')!.value).toBe(Number.NEGATIVE_INFINITY);
    // Lines that do not parse are skipped, the rest still read.
    for (const bad of ['broken', 'noval', 'word']) expect(byName.has(bad)).toBe(false);
    expect(samples).toHaveLength(10);
    // A sum ignores values that are not finite.
    expect(sumOf([...samples, { name: 'tiny', labels: {}, value: Number.NaN }], 'tiny')).toBe(0.005);
  });
});
