/**
 * A plain fake of the endpoint client: each call is answered by a script, and in-flight counts are
 * tracked independently of the router so tests can check the router's `maxParallel` promise.
 */
import type { EndpointConfig } from '../../src/config/schema.ts';
import type { ChatCallOptions, ChatOutcome, ChatRequest, EndpointClient } from '../../src/fleet/types.ts';

export interface FakeCall {
  endpointId: string;
  model: string;
  maxTokens?: number;
  n: number;
}

export type Script = (
  call: FakeCall,
  options: ChatCallOptions,
  request: ChatRequest,
) => ChatOutcome | Promise<ChatOutcome>;

export class FakeClient implements EndpointClient {
  readonly calls: FakeCall[] = [];
  readonly resets: string[] = [];
  readonly inflight = new Map<string, number>();
  readonly peak = new Map<string, number>();
  script: Script;

  constructor(script: Script) {
    this.script = script;
  }

  async chat(endpoint: EndpointConfig, request: ChatRequest, options: ChatCallOptions): Promise<ChatOutcome> {
    const call: FakeCall = { endpointId: endpoint.id, model: options.model, n: this.calls.length + 1 };
    if (options.maxTokens !== undefined) call.maxTokens = options.maxTokens;
    this.calls.push(call);
    const now = (this.inflight.get(endpoint.id) ?? 0) + 1;
    this.inflight.set(endpoint.id, now);
    this.peak.set(endpoint.id, Math.max(now, this.peak.get(endpoint.id) ?? 0));
    try {
      return await this.script(call, options, request);
    } finally {
      this.inflight.set(endpoint.id, (this.inflight.get(endpoint.id) ?? 1) - 1);
    }
  }

  callsTo(endpointId: string): number {
    return this.calls.filter((c) => c.endpointId === endpointId).length;
  }

  resetConnections(endpointId: string): void {
    this.resets.push(endpointId);
  }

  async close(): Promise<void> {}
}
