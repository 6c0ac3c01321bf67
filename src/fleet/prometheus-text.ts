/**
 * The Prometheus text exposition format (version 0.0.4), as model servers print it on `/metrics`: `# HELP`
 * and `# TYPE` lines (and other comments) skipped, a sample per line — `name{label="value",…} value
 * [timestamp]` — with escaped label values (`\\`, `\"`, `\n`), and values as Go/C print floats: `0.0`,
 * `12`, `1.23457e+06`, `NaN`, `+Inf`, `-Inf`.
 *
 * Written here rather than taken from a package: the parsers on npm come with a whole metrics client (or
 * parse into aggregations keel has no use for), and the subset servers emit is small. A line that does not
 * parse is skipped, not fatal: one odd series must not hide the two keel reads.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:]*/;
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const sample = parseLine(line);
    if (sample) samples.push(sample);
  }
  return samples;
}

/** The sum of every sample of `name` whose labels include `where` (absent: every sample); undefined if none. */
export function sumOf(
  samples: readonly Sample[],
  name: string,
  where: Record<string, string> = {},
): number | undefined {
  let total: number | undefined;
  for (const sample of samples) {
    if (sample.name !== name || !Number.isFinite(sample.value)) continue;
    if (Object.entries(where).some(([key, value]) => sample.labels[key] !== value)) continue;
    total = (total ?? 0) + sample.value;
  }
  return total;
}

function parseLine(line: string): Sample | undefined {
  const name = NAME.exec(line)?.[0];
  if (name === undefined) return undefined;
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    const parsed = parseLabels(rest, labels);
    if (parsed === undefined) return undefined;
    rest = rest.slice(parsed);
  }
  const [valueText] = rest.trim().split(/\s+/, 1);
  if (valueText === undefined || valueText === '') return undefined;
  const value = parseValue(valueText);
  return value === undefined ? undefined : { name, labels, value };
}

/** Fills `labels` from `{a="x",b="y"}` at the start of `text`; the characters read, or undefined. */
function parseLabels(text: string, labels: Record<string, string>): number | undefined {
  let at = 1;
  for (;;) {
    while (text[at] === ' ' || text[at] === ',') at++;
    if (text[at] === '}') return at + 1;
    const key = LABEL_NAME.exec(text.slice(at))?.[0];
    if (key === undefined) return undefined;
    at += key.length;
    while (text[at] === ' ') at++;
    if (text[at] !== '=') return undefined;
    at++;
    while (text[at] === ' ') at++;
    if (text[at] !== '"') return undefined;
    at++;
    let value = '';
    for (;;) {
      const ch = text[at];
      if (ch === undefined) return undefined;
      at++;
      if (ch === '"') break;
      if (ch === '\\') {
        const next = text[at];
        at++;
        value += next === 'n' ? '\n' : (next ?? '');
      } else {
        value += ch;
      }
    }
    labels[key] = value;
  }
}

function parseValue(text: string): number | undefined {
  if (text === 'NaN') return Number.NaN;
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}
