/**
 * What the endpoint client prepares once per endpoint rather than once per request: the parsed target URL,
 * the header objects, the secrets to redact, and the undici Agent (the endpoint's keep-alive pool, with its
 * connect timeout). Agents can be retired (`resetConnections`) and are then rebuilt on next use.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent } from 'undici';
import type { EndpointConfig } from '../config/schema.ts';
import { chatCompletionsUrl } from './request-body.ts';

export interface EndpointWiring {
  /** The config object this was built from: the same object next time means nothing to recompute. */
  source: EndpointConfig;
  target: URL;
  plainHeaders: Record<string, string>;
  streamHeaders: Record<string, string>;
  /** Values that must never appear in a failure message. */
  secrets: string[];
  /** Set when `apiKeyEnv` names a variable that is empty or unset: such an endpoint is never contacted. */
  missingKeyEnv: string | undefined;
  agent: Agent | undefined;
}

type Env = Record<string, string | undefined>;

export function buildWiring(endpoint: EndpointConfig, env: Env): EndpointWiring {
  const target = chatCompletionsUrl(endpoint.url);
  const secrets: string[] = [];
  if (target.password) secrets.push(target.password, decodeURIComponent(target.password));
  const common: Record<string, string> = { 'content-type': 'application/json' };
  let missingKeyEnv: string | undefined;
  if (endpoint.apiKeyEnv !== undefined) {
    const key = env[endpoint.apiKeyEnv]?.trim();
    if (key) {
      common.authorization = `Bearer ${key}`;
      secrets.push(key);
    } else {
      missingKeyEnv = endpoint.apiKeyEnv;
    }
  }
  return {
    source: endpoint,
    target,
    plainHeaders: { ...common, accept: 'application/json' },
    streamHeaders: { ...common, accept: 'text/event-stream' },
    secrets,
    missingKeyEnv,
    agent: undefined,
  };
}

/** A config object for the same id that changed what the wiring depends on (tests and reloads do this). */
export function wiringChanged(wiring: EndpointWiring, endpoint: EndpointConfig): boolean {
  const before = wiring.source;
  return (
    before.url !== endpoint.url ||
    before.apiKeyEnv !== endpoint.apiKeyEnv ||
    before.timeouts.connectMs !== endpoint.timeouts.connectMs
  );
}

export function createAgent(connectMs: number): Agent {
  return new Agent({
    connect: { timeout: connectMs, lookup: lookupRefusingInvalidNames },
    // The attempt guard owns the head and body deadlines (with exact failure kinds); undici's would race it.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * `.invalid` never resolves (RFC 6761 §6.4 asks resolver libraries to answer that at once; glibc asks the
 * network anyway). Answering locally keeps a misconfigured or test endpoint from waiting on a DNS server.
 */
function lookupRefusingInvalidNames(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  if (/(?:^|\.)invalid\.?$/i.test(hostname)) {
    const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
    err.code = 'ENOTFOUND';
    err.syscall = 'getaddrinfo';
    process.nextTick(callback, err, '', 0);
    return;
  }
  dnsLookup(hostname, options, callback);
}
