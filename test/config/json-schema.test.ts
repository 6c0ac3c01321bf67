import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { schemaCommand } from '../../src/cli/schema-command.ts';
import { UsageError } from '../../src/cli/io.ts';
import { captureIO } from '../helpers/cli-io.ts';
import { CONFIG_SCHEMA_ID, configJsonSchema } from '../../src/config/index.ts';

interface JsonSchemaNode {
  type?: string;
  required?: string[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  additionalProperties?: boolean;
  [key: string]: unknown;
}

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/keel.yml');

/** Enough of JSON Schema to check the example's structure: required keys, no extra keys, types of objects. */
function structuralProblems(schema: JsonSchemaNode, value: unknown, at = '$'): string[] {
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return [`${at}: expected an array`];
    return schema.items
      ? value.flatMap((item, i) => structuralProblems(schema.items!, item, `${at}[${i}]`))
      : [];
  }
  if (schema.type !== 'object') return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${at}: expected an object`];
  const record = value as Record<string, unknown>;
  const problems = (schema.required ?? [])
    .filter((key) => !(key in record))
    .map((key) => `${at}.${key}: missing`);
  for (const [key, child] of Object.entries(record)) {
    const childSchema = schema.properties?.[key];
    if (!childSchema) {
      if (schema.additionalProperties === false) problems.push(`${at}.${key}: not allowed`);
      continue;
    }
    problems.push(...structuralProblems(childSchema, child, `${at}.${key}`));
  }
  return problems;
}

describe('configJsonSchema', () => {
  const schema = configJsonSchema() as JsonSchemaNode;

  it('is a draft 2020-12 schema with an id and title, and survives a JSON round trip', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(CONFIG_SCHEMA_ID);
    expect(schema.title).toBe('keel configuration');
    expect(Object.keys(schema).slice(0, 3)).toEqual(['$schema', '$id', 'title']);
  });

  it('describes the input: only fields without defaults are required', () => {
    expect(schema.required?.sort()).toEqual(['endpoints', 'roles', 'version']);
    const endpoint = schema.properties?.endpoints?.items;
    expect(endpoint?.required?.sort()).toEqual(['id', 'kind', 'url']);
    // maxParallel has no static default: the server's slot count, else 4 (described, not defaulted).
    expect(endpoint?.properties?.maxParallel?.default).toBeUndefined();
    expect(endpoint?.properties?.maxParallel?.description).toMatch(/else 4/);
    expect(schema.properties?.policy?.properties?.contextFraction?.default).toBe(0.95);
    expect(endpoint?.additionalProperties).toBe(false);
  });

  it('accepts the example configuration structurally', async () => {
    const example: unknown = parseYaml(await readFile(EXAMPLE, 'utf8'));
    expect(structuralProblems(schema, example)).toEqual([]);
    // And the checker itself notices a broken one.
    const broken = { ...(example as object), extra: 1, endpoints: [{ id: 'x' }] };
    expect(structuralProblems(schema, broken).sort()).toEqual([
      '$.endpoints[0].kind: missing',
      '$.endpoints[0].url: missing',
      '$.extra: not allowed',
    ]);
  });

  it('returns a fresh object each call', () => {
    const first = configJsonSchema();
    first.title = 'changed';
    expect(configJsonSchema().title).toBe('keel configuration');
  });
});

describe('keel schema', () => {
  it('prints the schema as pretty JSON ending in a newline', async () => {
    const { io, out, err } = captureIO({}, process.cwd());
    expect(await schemaCommand([], io)).toBe(0);
    const printed = out.join('');
    expect(printed.endsWith('}\n')).toBe(true);
    expect(printed).toContain('\n  "$id"');
    expect(JSON.parse(printed)).toEqual(configJsonSchema());
    expect(err).toEqual([]);
  });

  it('prints usage for --help', async () => {
    const { io, out } = captureIO({}, process.cwd());
    expect(await schemaCommand(['--help'], io)).toBe(0);
    expect(out.join('')).toMatch(/^usage: keel schema/);
  });

  it('rejects unexpected arguments as usage errors', async () => {
    await expect(schemaCommand(['--yaml'], captureIO().io)).rejects.toBeInstanceOf(UsageError);
  });
});
