/**
 * The JSON Schema of the lanes file (`keel schema lanes`), derived from its zod schema like the
 * configuration's (`config/json-schema.ts`): the INPUT, so fields with defaults are optional.
 */
import { fileJsonSchema } from '../config/json-schema.ts';
import { lanesFileSchema } from './lanes-file.ts';

export const LANES_SCHEMA_ID = 'urn:keel:lanes:v1';

export function lanesJsonSchema(): Record<string, unknown> {
  return fileJsonSchema(lanesFileSchema, LANES_SCHEMA_ID, 'keel lanes file');
}
