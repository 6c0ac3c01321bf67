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
  const type = first(headers['content-type'])?.trim().toLowerCase() ?? '';
  if (/^(text\/html|application\/xhtml\+xml)\b/.test(type)) {
    return {
      kind: 'malformed',
      message: `the server answered HTML (status ${status}, ${type.split(';', 1)[0]}) — is the URL the API's base (…/v1)?`,
    };
  }
  return undefined;
}
