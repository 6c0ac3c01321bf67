/** `keel schema [config|lanes]`: print a file's JSON Schema, for editors and for checking by hand. */
import { configJsonSchema } from '../config/json-schema.ts';
import { lanesJsonSchema } from '../lanes/index.ts';
import { UsageError, type Command } from './io.ts';

export const SCHEMA_USAGE = `usage: keel schema [config|lanes] [--help]

Prints the JSON Schema (draft 2020-12) of keel's configuration file (.github/keel.yml; the default) or of
the lanes file (.github/keel-lanes.yml) to stdout. Save it and point your editor at it, e.g. for the YAML
language server:
  keel schema > keel.schema.json
  # yaml-language-server: $schema=./keel.schema.json   (first line of keel.yml)
  keel schema lanes > keel-lanes.schema.json
`;

const SCHEMAS: Record<string, () => Record<string, unknown>> = {
  config: configJsonSchema,
  lanes: lanesJsonSchema,
};

export const schemaCommand: Command = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(SCHEMA_USAGE);
    return 0;
  }
  const [which = 'config', unexpected] = argv;
  const schema = Object.hasOwn(SCHEMAS, which) ? SCHEMAS[which] : undefined;
  if (!schema) throw new UsageError(`unknown schema "${which}" (config or lanes)\n\n${SCHEMA_USAGE}`);
  if (unexpected !== undefined)
    throw new UsageError(`unexpected argument "${unexpected}"\n\n${SCHEMA_USAGE}`);
  io.stdout(`${JSON.stringify(schema(), null, 2)}\n`);
  return 0;
};
