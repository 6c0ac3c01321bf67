/**
 * The JSON Schema of the lanes file (`keel schema lanes`), derived from its zod schema like the
 * configuration's (`config/json-schema.ts`): the INPUT, so fields with defaults are optional.
 */
import { z } from 'zod';
import { lanesFileSchema } from './lanes-file.ts';

export const LANES_SCHEMA_ID = 'urn:keel:lanes:v1';

export function lanesJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(lanesFileSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return { $schema, $id: LANES_SCHEMA_ID, title: 'keel lanes file', ...rest };
}
