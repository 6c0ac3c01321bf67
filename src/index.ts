/**
 * keel as a library: the router on its own, for people who only want resilient model calls.
 *
 *   import { loadConfig, createRouter } from 'keel';
 *   const router = createRouter(await loadConfig('keel.yml'));
 *   const { content } = await router.complete('coder', { messages: [{ role: 'user', content: 'hi' }] });
 */
// First: on an older Node this throws one clear sentence before undici fails to load.
import './library-guard.ts';

export { loadConfig, parseConfigText, ConfigError } from './config/load.ts';
export { configJsonSchema } from './config/json-schema.ts';
export type {
  KeelConfig,
  ConfigInput,
  EndpointConfig,
  Candidate,
  RoleName,
  Policy,
} from './config/schema.ts';
export { createRouter, type Router } from './fleet/router.ts';
export {
  RouterError,
  type Attempt,
  type Completion,
  type CompleteOptions,
  type RouterDeps,
  type RouterEvent,
  type HealthView,
} from './fleet/router-types.ts';
export type {
  ChatMessage,
  ChatRequest,
  ChatOutcome,
  EndpointClient,
  Failure,
  FailureKind,
} from './fleet/types.ts';
export { createEndpointClient } from './fleet/endpoint-client.ts';
export { FleetHealthBook, probeHealth, scanCapabilities } from './fleet/probe.ts';
export type { FleetState } from './fleet/fleet-state.ts';
export { renderStatusText, renderStatusMarkdown, type StatusRow } from './fleet/status.ts';
export { systemClock, type Clock } from './base/clock.ts';
