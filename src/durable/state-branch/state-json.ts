/**
 * JSON from the state branch or the runner's state directory is untrusted text (a hand edit, a truncated
 * write, another keel version): callers want "not JSON" as a value to skip on, never a throw.
 */

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isJson(text: string): boolean {
  return parseJson(text) !== undefined;
}
