/**
 * `GET /metrics` of the simulated vLLM and llama.cpp servers, from the endpoint's real counts: requests
 * running, and those waiting for one of the server's own slots (`slots`, server-queue.ts).
 *
 * - vLLM (V1 engine, vllm/v1/metrics/loggers.py `PrometheusStatLogger`, v0.10+): gauges labelled
 *   `{engine="0",model_name="…"}` (prometheus_client sorts label names), values printed as floats (`2.0`).
 * - llama.cpp (tools/server/server-context.cpp `get_metrics` at 00dd081, when started with `--metrics`):
 *   `llamacpp:` series without labels, HELP and TYPE lines before each, counters first, values printed by
 *   `<<` of a double (so large counters switch to exponent form: `1.23457e+06`).
 * Content type `text/plain; version=0.0.4`, as both send.
 */
import type { SimFlavor } from './modes.ts';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4';

export interface MetricsSubject {
  flavor: SimFlavor;
  model: string;
  inflight: number;
  /** Waiting for a slot of the server's own (llama.cpp `requests_deferred`, vLLM `num_requests_waiting`). */
  waiting?: number;
  /** Chat requests served so far (the counters). */
  served: number;
}

export function renderMetrics(subject: MetricsSubject): string {
  return subject.flavor === 'llamacpp' || subject.flavor === 'llamacpp-router'
    ? llamacpp(subject)
    : vllm(subject);
}

function vllm({ model, inflight, waiting = 0, served }: MetricsSubject): string {
  const labels = `{engine="0",model_name=${JSON.stringify(model)}}`;
  return [
    '# HELP vllm:num_requests_running Number of requests in model execution batches.',
    '# TYPE vllm:num_requests_running gauge',
    `vllm:num_requests_running${labels} ${inflight.toFixed(1)}`,
    '# HELP vllm:num_requests_waiting Number of requests waiting to be processed.',
    '# TYPE vllm:num_requests_waiting gauge',
    `vllm:num_requests_waiting${labels} ${waiting.toFixed(1)}`,
    '# HELP vllm:request_success_total Count of successfully processed requests.',
    '# TYPE vllm:request_success_total counter',
    `vllm:request_success_total{engine="0",finished_reason="stop",model_name=${JSON.stringify(model)}} ${served.toFixed(1)}`,
    '',
  ].join('\n');
}

function llamacpp({ inflight, waiting = 0, served }: MetricsSubject): string {
  const metric = (name: string, type: string, help: string, value: number): string =>
    `# HELP llamacpp:${name} ${help}\n# TYPE llamacpp:${name} ${type}\nllamacpp:${name} ${cDouble(value)}`;
  return `${[
    metric('prompt_tokens_total', 'counter', 'Number of prompt tokens processed.', served * 617_285),
    metric('tokens_predicted_total', 'counter', 'Number of generation tokens processed.', served * 40),
    metric('requests_processing', 'gauge', 'Number of requests processing.', inflight),
    metric('requests_deferred', 'gauge', 'Number of requests deferred.', waiting),
  ].join('\n')}\n`;
}

/** A double as C++'s `operator<<` prints it: 6 significant digits, exponent form when that is shorter. */
function cDouble(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e6) return String(value);
  const [mantissa, exponent] = value.toExponential(5).split('e') as [string, string];
  const trimmed = mantissa.replace(/\.?0+$/, '');
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${trimmed}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}
