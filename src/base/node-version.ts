/**
 * The Node keel needs, said in one line. keel's dependencies (undici, vitest, nock, opossum) need Node ≥ 22
 * and the Action runs `node24`; on Node 20 undici dies at import with `TypeError: Cannot read properties of
 * undefined (reading 'bind')`, which tells a user nothing. The entries check first and say this instead.
 */
export const REQUIRED_NODE_MAJOR = 24;

/** The one-line refusal for `version` (`process.version`, e.g. `v20.20.2`), or undefined when it is enough. */
export function nodeVersionProblem(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? Number.NaN);
  if (Number.isFinite(major) && major >= REQUIRED_NODE_MAJOR) return undefined;
  return `keel needs Node ≥ ${REQUIRED_NODE_MAJOR} (found ${version})`;
}
