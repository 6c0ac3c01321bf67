/**
 * The JSON Schema of the configuration file, derived from the zod schema so the two cannot drift. It
 * describes the INPUT: fields with defaults are optional, as users may leave them out. Editors use it for
 * completion and checking (`keel schema > keel.schema.json`, then point the YAML language server at it).
 */
import { z } from 'zod';
import { configSchema } from './schema.ts';

/** A URN rather than a URL: the schema is printed by the installed keel, not fetched from a server. */
export const CONFIG_SCHEMA_ID = 'urn:keel:config:v1';

export function configJsonSchema(): Record<string, unknown> {
  return fileJsonSchema(configSchema, CONFIG_SCHEMA_ID, 'keel configuration');
}

/** The JSON Schema of a file keel reads, from its zod schema: the input (defaults optional), named by `id`. */
export function fileJsonSchema(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  // Identification first, so a reader of the printed file sees what it is before the body.
  return { $schema, $id: id, title, ...rest };
}
