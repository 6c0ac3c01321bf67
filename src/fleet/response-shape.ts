/**
 * A 200 that is not an answer, named for what it is. A URL that points at a web page instead of the API's
 * base (`http://host:8080` for `http://host:8080/v1`, a login portal, a proxy's status page) answers HTML with
 * status 200; read as a stream it looked like a cut stream, read whole like garbage JSON. A proxy that
 * compresses answers gzip nobody asked for (keel sends no Accept-Encoding), which quoted as text is binary
 * noise. Both are `malformed` — the failure table's class: next candidate, breaker, cooldown — with a message
 * that says what to check.
 */
import type { Failure } from './types.ts';

type Headers = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Why a successful response's head already says its body is no answer; undefined when it may be one. */
export function unusableResponse(status: number, headers: Headers): Failure | undefined {
  const encoding = first(headers['content-encoding'])?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    return {
      kind: 'malformed',
      message: `the server answered ${encoding}-encoded data keel did not ask for (status ${status}, content-encoding: ${encoding}) — is a proxy between keel and the endpoint compressing it?`,
    };
  }
  const html = htmlAnswer(status, first(headers['content-type']));
  return html === undefined ? undefined : { kind: 'malformed', message: html };
}

/** `the server answered HTML (status 200, text/html) — is the URL …?` for a web page; undefined otherwise. */
export function htmlAnswer(status: number, contentType: string | null | undefined): string | undefined {
  const type = contentType?.trim().toLowerCase() ?? '';
  if (!/^(text\/html|application\/xhtml\+xml)\b/.test(type)) return undefined;
  return `the server answered HTML (status ${status}, ${type.split(';', 1)[0]}) — is the URL the API's base (…/v1)?`;
}
