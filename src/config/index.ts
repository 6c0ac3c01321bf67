/** The configuration module's public surface: load and validate keel configuration, and describe it. */
export {
  loadConfig,
  parseConfigText,
  validateConfigValue,
  normalizeConfig,
  ConfigError,
  CONFIG_SEARCH_PATHS,
} from './load.ts';
export type { ConfigIssue, LoadConfigOptions } from './load.ts';
export { configJsonSchema, CONFIG_SCHEMA_ID } from './json-schema.ts';
export { configSchema, ROLE_NAMES } from './schema.ts';
export type {
  Candidate,
  ConfigInput,
  EndpointConfig,
  EndpointTimeouts,
  KeelConfig,
  ParsedConfig,
  Policy,
  RoleName,
} from './schema.ts';
