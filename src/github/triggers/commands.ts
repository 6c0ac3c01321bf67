/**
 * `/keel …` commands in issue and pull-request comments. Only the first line of a comment is read, so that a
 * command quoted or mentioned further down never runs, and a reply that merely discusses keel is not one:
 *
 *   /keel run [text]      the task is the text, continuing on the following lines (or the issue itself)
 *   /keel resume [run-id] continue the named run, or the latest unfinished one
 *   /keel status | pause | unpause
 *
 * `/keel` is case-insensitive and spaces are free. A first line that does not start with `/keel` is not a
 * command (`undefined`); one that does but says something else is `invalid`, with a reason fit for a log.
 */
import { RUN_ID_PATTERN } from '../../base/run-id.ts';
import { sanitizeUntrusted } from '../../base/sanitize-untrusted.ts';

export type Command =
  | { kind: 'run'; /** Sanitised; absent when the comment gave none. */ task?: string }
  | { kind: 'resume'; runId?: string }
  | { kind: 'status' }
  | { kind: 'pause' }
  | { kind: 'unpause' }
  | { kind: 'invalid'; reason: string };

export const COMMAND_NAMES = ['run', 'resume', 'status', 'pause', 'unpause'] as const;

/** The bound on the words of a bad command quoted back in a reason. */
const QUOTE_MAX = 40;

// `/keel` as a word of its own (`/keelrun` and `/keel:run` are not commands), then the subcommand and the
// rest of the line. `\s` covers the no-break and other Unicode spaces a pasted command may carry.
const COMMAND_LINE = /^\/keel(?:\s+(\S+))?(?:\s+([^\n]*))?$/i;

// Every line break sanitisation knows, so that it cannot find a second line inside the first.
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;

export function parseCommand(body: string): Command | undefined {
  const normalised = body.replace(LINE_BREAK, '\n');
  const newline = normalised.indexOf('\n');
  const rawFirst = newline < 0 ? normalised : normalised.slice(0, newline);
  const rawRest = newline < 0 ? '' : normalised.slice(newline + 1);
  // Sanitised before it is matched: what counts is the line a reader sees, without hidden characters or
  // HTML comments (`\u200b/keel run` reads as a command; `<!-- /keel run -->` does not).
  const first = sanitizeUntrusted(rawFirst, { maxChars: 4_000 });
  const match = COMMAND_LINE.exec(first);
  if (!match) return undefined;
  const name = match[1]?.toLowerCase();
  const args = match[2]?.trim() ?? '';
  switch (name) {
    case undefined:
      return { kind: 'invalid', reason: `"/keel" needs a command: ${COMMAND_NAMES.join(', ')}` };
    case 'run': {
      const task = sanitizeUntrusted(rawRest === '' ? args : `${args}\n${rawRest}`);
      return task === '' ? { kind: 'run' } : { kind: 'run', task };
    }
    case 'resume': {
      if (args === '') return { kind: 'resume' };
      const words = args.split(/\s+/);
      if (words.length > 1) return { kind: 'invalid', reason: '"/keel resume" takes at most one run id' };
      const runId = words[0]!;
      if (!RUN_ID_PATTERN.test(runId)) {
        return {
          kind: 'invalid',
          reason: `"/keel resume": ${quote(runId)} is not a run id (letters, digits, ".", "_", "-"; at most 80)`,
        };
      }
      return { kind: 'resume', runId };
    }
    case 'status':
    case 'pause':
    case 'unpause':
      if (args !== '') return { kind: 'invalid', reason: `"/keel ${name}" takes no arguments` };
      return { kind: name };
    default:
      return {
        kind: 'invalid',
        reason: `unknown command "/keel ${quote(match[1]!, false)}": expected ${COMMAND_NAMES.join(', ')}`,
      };
  }
}

/** Untrusted words quoted back in a reason: one short line, JSON-escaped unless inside other quotes. */
function quote(text: string, json = true): string {
  const short = sanitizeUntrusted(text, { maxChars: QUOTE_MAX }).replace(/\s+/g, ' ');
  return json ? JSON.stringify(short) : JSON.stringify(short).slice(1, -1);
}
