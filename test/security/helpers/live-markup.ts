/**
 * What in a published text GitHub would act on: a mention that pings, a closing keyword that links an
 * issue, an image or an HTML tag that loads or hides something, a link to a host other than GitHub's, a
 * bidi or invisible control, a hidden keel marker. The security tests assert a published text has none of
 * these but the ones keel writes itself (`allow`).
 */
export interface LiveMarkupOptions {
  /** Exact substrings keel itself writes (its marker, its `Closes #N`), removed before looking. */
  allow?: string[];
  trustedHosts?: string[];
}

const CHECKS: [string, RegExp][] = [
  ['a mention', /(^|[^A-Za-z0-9_`@.\\/+-])@[A-Za-z0-9]/],
  ['a closing keyword', /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+(?:[\w.-]+\/[\w.-]+)?#\d/i],
  ['a closing keyword on a URL', /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+https?:\/\//i],
  ['an image', /!\[[^\]]*\]\s*[([]/],
  ['an HTML tag', /<(?!\/?(?:details|summary)>|br\s*\/?>)[A-Za-z/!?]/i],
  ['a bidi or invisible character', /[\u200b\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/],
  ['a keel marker', /<!--\s*keel:/i],
];

export function liveMarkup(text: string, options: LiveMarkupOptions = {}): string[] {
  let rest = text;
  for (const allowed of options.allow ?? []) rest = rest.replaceAll(allowed, '');
  const found = CHECKS.filter(([, pattern]) => pattern.test(rest)).map(([what, pattern]) => {
    const hit = pattern.exec(rest)!;
    return `${what}: ${JSON.stringify(rest.slice(Math.max(0, hit.index - 20), hit.index + 40))}`;
  });
  const trusted = new Set(options.trustedHosts ?? ['github.com']);
  for (const match of rest.matchAll(/\bhttps?:\/\/([^\s/?#<>()[\]"'`]+)/gi)) {
    if (!trusted.has(match[1]!.toLowerCase())) found.push(`a link to ${match[1]}`);
  }
  return found;
}
