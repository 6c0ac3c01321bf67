/**
 * Ids that end up in step ids (`code:<id>`), branch-safe file names and checkpoint keys: lowercase letters,
 * digits and `-`, starting with a letter or digit, at most 48 characters (`subtaskSchema` (plan-schema.ts)).
 * Models write ids however they like; keel derives its own from what they wrote.
 */

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,47}$/;
export const MAX_ID_LENGTH = 48;

/** `"Add the README.md file!"` → `add-the-readme-md-file`; empty when nothing usable is left. */
export function slugify(text: string, max: number = MAX_ID_LENGTH): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  // Prefer ending on a word boundary, unless that would throw away most of the id.
  const boundary = cut.lastIndexOf('-');
  return (boundary >= max / 2 ? cut.slice(0, boundary) : cut).replace(/-+$/, '');
}

/**
 * A slug of the first usable text, unique within `taken` (which it joins): `setup`, `setup-2`, `setup-3` ….
 * Always matches {@link ID_PATTERN}.
 */
export function uniqueSlug(
  texts: readonly (string | undefined)[],
  taken: Set<string>,
  fallback: string,
): string {
  const base = texts.map((text) => (text === undefined ? '' : slugify(text))).find((slug) => slug !== '');
  const root = base ?? slugify(fallback);
  let id = root;
  for (let n = 2; taken.has(id); n++) {
    const suffix = `-${n}`;
    id = `${root.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  taken.add(id);
  return id;
}
