/** Builds a validated, normalised config from a partial input, the way `loadConfig` would. */
import { normalizeConfig } from '../../src/config/normalize.ts';
import { configSchema, type ConfigInput, type KeelConfig } from '../../src/config/schema.ts';

export function testConfig(
  input: Partial<ConfigInput> & Pick<ConfigInput, 'endpoints' | 'roles'>,
): KeelConfig {
  return normalizeConfig(configSchema.parse({ version: 1, ...input }));
}

/** An endpoint on a port nobody listens on: tests with a fake client never connect anyway. */
export function endpoint(id: string, extra: Record<string, unknown> = {}): ConfigInput['endpoints'][number] {
  return { id, url: `http://127.0.0.1:9/${id}/v1`, kind: 'local', maxParallel: 4, ...extra };
}
