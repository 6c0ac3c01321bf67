/** `keel schema`: print the JSON Schema of the configuration file, for editors and for checking by hand. */
import { configJsonSchema } from '../config/json-schema.ts';
import { UsageError, type Command } from './io.ts';

export const SCHEMA_USAGE = `usage: keel schema [--help]

Prints the JSON Schema (draft 2020-12) of keel's configuration file (.github/keel.yml) to stdout.
Save it and point your editor at it, e.g. for the YAML language server:
  keel schema > keel.schema.json
  # yaml-language-server: $schema=./keel.schema.json   (first line of keel.yml)
`;

export const schemaCommand: Command = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(SCHEMA_USAGE);
    return 0;
  }
  const [unexpected] = argv;
  if (unexpected !== undefined)
    throw new UsageError(`unexpected argument "${unexpected}"\n\n${SCHEMA_USAGE}`);
  io.stdout(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  return 0;
};
