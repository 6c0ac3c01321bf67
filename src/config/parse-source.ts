/**
 * Text → plain data, bounded: YAML for `.yml`/`.yaml` (and anything unnamed), JSON.parse for `.json`.
 *
 * Everything that can go wrong here becomes a ConfigError with a position where one is known. Parser
 * messages are reworded rather than passed through because both parsers like to quote the source around
 * the error, and that source may be a pasted API key.
 */
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError, type ConfigIssue } from './errors.ts';

/** A configuration is a few kilobytes; a megabyte is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/**
 * Aliases let a small YAML file expand exponentially ("billion laughs"). A configuration has little reason
 * to alias at all, so the budget (alias resolutions × alias nodes, as the yaml package counts) is small.
 */
export const MAX_YAML_ALIAS_COUNT = 32;
const MAX_SYNTAX_ISSUES = 10;

export function isJsonSource(source: string): boolean {
  return source.toLowerCase().endsWith('.json');
}

export function checkSize(byteLength: number, source: string): void {
  if (byteLength > MAX_CONFIG_BYTES) {
    throw new ConfigError(source, [
      {
        path: '',
        message: `the file is ${byteLength} bytes; a configuration may be at most ${MAX_CONFIG_BYTES}`,
      },
    ]);
  }
}

export function parseSourceText(text: string, source: string): unknown {
  checkSize(Buffer.byteLength(text, 'utf8'), source);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const value = isJsonSource(source) ? parseJson(body, source) : parseYaml(body, source);
  if (value === null || value === undefined) {
    throw new ConfigError(source, [
      { path: '', message: 'the file is empty; start from examples/keel.yml or `keel schema`' },
    ]);
  }
  return value;
}

function parseYaml(text: string, source: string): unknown {
  const lineCounter = new LineCounter();
  let document;
  try {
    // prettyErrors would append a code frame quoting the file; logLevel keeps yaml from writing warnings to
    // the process (a library must not).
    document = parseDocument(text, {
      prettyErrors: false,
      lineCounter,
      uniqueKeys: true,
      logLevel: 'silent',
    });
  } catch (error) {
    throw unreadable(source, 'YAML', error);
  }
  if (document.errors.length > 0) {
    const issues: ConfigIssue[] = document.errors.slice(0, MAX_SYNTAX_ISSUES).map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      // The yaml package catches its own stack overflow on absurd nesting and reports it as a syntax error.
      const reason = /call stack/i.test(error.message) ? 'nested too deeply to read' : error.message;
      return { path: '', line, column: col, message: `YAML syntax error: ${reason}` };
    });
    throw new ConfigError(source, issues);
  }
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new ConfigError(source, [
        {
          path: '',
          message: `YAML anchors/aliases expand too much (budget ${MAX_YAML_ALIAS_COUNT}); write the values out`,
        },
      ]);
    }
    throw unreadable(source, 'YAML', error);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw unreadable(source, 'JSON', error);
    return throwJsonSyntaxError(text, source, error.message);
  }
}

function throwJsonSyntaxError(text: string, source: string, message: string): never {
  // V8 words these as `Expected ',' or '}' after property value in JSON at position 10 (line 3 column 2)`
  // or `Unexpected token 's', "…source text…" is not valid JSON`; keep the reason, drop any quoted source.
  const reason = (message.split(/ in JSON at position|, "|, \.\.\./)[0] ?? message).replace(/"/g, '').trim();
  const position = /at position (\d+)/.exec(message)?.[1];
  const issue: ConfigIssue = { path: '', message: `JSON syntax error: ${reason || 'not valid JSON'}` };
  if (position !== undefined) Object.assign(issue, lineAndColumn(text, Number(position)));
  throw new ConfigError(source, [issue]);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The parsers' own failures (deep nesting can exhaust the stack) reported as the file's fault, not ours. */
function unreadable(source: string, format: string, error: unknown): ConfigError {
  const tooDeep = error instanceof RangeError;
  return new ConfigError(source, [
    {
      path: '',
      message: tooDeep ? `${format} is nested too deeply to read` : `could not read the file as ${format}`,
    },
  ]);
}
