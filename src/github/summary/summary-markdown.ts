/**
 * Markdown building blocks for the job summary. Task text, step errors, model names and links can come
 * from untrusted hands (an issue comment became the task; a server's error became a step error), so
 * everything put in a table cell or a line is escaped: a `|` would split the row, a backtick would open
 * a code span that swallows the table, `<` could open HTML that hides the rest of the summary.
 */

/** GitHub refuses step summaries over 1 MiB; keep well under it. */
export const MAX_SUMMARY_BYTES = 1_000_000;

/** Inline text: one line, HTML-escaped, at most `max` characters (cut with `…`). */
export function inline(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  return cut.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A table cell: inline text with backslashes, pipes and backticks escaped. */
export function cell(text: string, max = 200): string {
  return inline(text, max).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('`', '\\`');
}

/** Text as a code span in a table cell, for identifiers: any backtick or pipe makes it a plain cell. */
export function codeCell(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length === 0) return '';
  return /[`|\\<>&]/.test(line) || line.length > max ? cell(line, max) : `\`${line}\``;
}

export function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

/** The first `max` items as rows, and a last row saying how many were left out. */
export function capRows<T>(
  items: readonly T[],
  max: number,
  row: (item: T) => string[],
  columns: number,
): string[][] {
  const rows = items.slice(0, max).map(row);
  if (items.length > max) {
    rows.push([`… ${items.length - max} more`, ...Array.from({ length: columns - 1 }, () => '')]);
  }
  return rows;
}

/**
 * A link, or the plain (escaped) text when the URL is not http(s): a summary never links `javascript:`
 * or a relative path. Parentheses and spaces are percent-encoded so the URL cannot end the link early.
 */
export function link(label: string, url: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return inline(url.length > 0 ? url : label);
  const safe = url.replace(
    /[()<>[\]\s"'`|]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${inline(label, 200).replace(/[[\]]/g, '\\$&')}](${safe})`;
}

/**
 * `markdown` cut at a line boundary to fit `maxBytes` (UTF-8), a code fence left open closed, and a
 * note saying so. Sections cap their own rows; this is the backstop.
 */
export function capBytes(markdown: string, maxBytes = MAX_SUMMARY_BYTES): string {
  if (Buffer.byteLength(markdown, 'utf8') <= maxBytes) return markdown;
  const note = '\n\n… (summary truncated: GitHub limits a job summary to 1 MiB)\n';
  const budget = maxBytes - Buffer.byteLength(note, 'utf8') - 8;
  const kept: string[] = [];
  let bytes = 0;
  let fenced = false;
  for (const line of markdown.split('\n')) {
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes + size > budget) break;
    kept.push(line);
    bytes += size;
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
  }
  if (fenced) kept.push('```');
  return `${kept.join('\n')}${note}`;
}
