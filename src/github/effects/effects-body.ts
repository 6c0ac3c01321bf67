/**
 * Texts bound for GitHub: bodies within its 65,536-character limit with the hidden marker always last
 * (a body cut before its marker would be an effect keel can never find again, so the next run would
 * create a second one), titles on one line within GitHub's 256.
 */

/** GitHub's limit for issue, pull-request and comment bodies. */
export const MAX_BODY_CHARS = 65_536;
export const MAX_TITLE_CHARS = 256;

export interface BoundedBody {
  text: string;
  /** Characters of the body (without the marker) left out; 0 when it fitted. */
  dropped: number;
}

/**
 * `body` with every copy of `marker` removed, cleaned (`clean`: the publish sanitiser and the redaction),
 * cut to fit `limit` with a visible note, keel's own `tail` (written after cleaning: `Closes #N`) and the
 * marker appended once at the end. Lengths are UTF-16 code units, which never undercount GitHub's
 * characters, and a cut never splits a surrogate pair. A code fence left open by the cut is closed so
 * the note and the marker stay outside it.
 */
export function boundBody(
  body: string,
  marker: string,
  clean: (text: string) => string = (text) => text,
  limit = MAX_BODY_CHARS,
  tail = '',
): BoundedBody {
  if (marker.length === 0) throw new Error('an effect body needs a marker');
  const content = clean(body.replaceAll(marker, '')).trimEnd();
  const own = tail === '' ? '' : `${content.length > 0 ? '\n\n' : ''}${tail}`;
  const suffix = `${own}${content.length > 0 || own !== '' ? '\n\n' : ''}${marker}`;
  if (content.length + suffix.length <= limit) return { text: content + suffix, dropped: 0 };

  // The note's length depends on the count it reports; reserve room for the largest count possible.
  const note = (dropped: number): string => `\n\n… (truncated by keel: ${dropped} more characters not shown)`;
  const fenceClose = '\n```';
  const budget = limit - suffix.length - note(content.length).length - fenceClose.length;
  let kept = content.slice(0, Math.max(0, budget));
  const last = kept.charCodeAt(kept.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) kept = kept.slice(0, -1);
  const dropped = content.length - kept.length;
  const fence = openFence(kept) ? fenceClose : '';
  return { text: `${kept}${fence}${note(dropped)}${own}\n\n${marker}`, dropped };
}

/** True when the text ends inside a ``` (or ~~~) fenced block. */
function openFence(text: string): boolean {
  let open = false;
  for (const line of text.split('\n')) if (/^\s{0,3}(```|~~~)/.test(line)) open = !open;
  return open;
}

/** One line, cleaned, at most `MAX_TITLE_CHARS` (GitHub rejects longer titles). */
export function boundTitle(title: string, clean: (text: string) => string = (text) => text): string {
  const line = clean(title).replace(/\s+/g, ' ').trim() || 'keel';
  if (line.length <= MAX_TITLE_CHARS) return line;
  let cut = line.slice(0, MAX_TITLE_CHARS - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * The marker of the comment that closes the issue carrying `marker`: found again before it is posted,
 * so a crash between the comment and the close does not post it twice.
 */
export function closingMarker(marker: string): string {
  return /\s*-->$/.test(marker) ? marker.replace(/\s*-->$/, ' closing -->') : `${marker} <!-- closing -->`;
}
