/**
 * Elision placeholders: a model rewriting a whole file often leaves out what it did not change and writes a
 * comment in its place (`// ... existing code ...`, `# rest of the file unchanged`, `/* ... *\/`). Written
 * to an existing file, that comment would replace — delete — the code it stands for, so such a write is
 * refused (issue 10 §13) and the model is asked for an edit instead. In a new file there is nothing to lose,
 * and a comment like `// ... add more checks here ...` is just a comment.
 *
 * A line is a placeholder when it is only a comment (`//`, `#`, `/* *\/`, `<!-- -->`, `--`, `;`) or a bare
 * ellipsis, whose text is an ellipsis, or says that code is kept, omitted or unchanged.
 */

const COMMENT = /^\s*(?:\/\/+|#+|--|;+|\/\*+|<!--)\s*(.*?)\s*(?:\*+\/|-->)?\s*$/;
const ELLIPSIS = /^(?:\.{3,}|…)+$/;
const HAS_ELLIPSIS = /\.{3}|…/;
const KEPT_WORD = /\b(?:existing|unchanged|rest|omitted|remaining|same|previous|as before|for brevity)\b/i;
/** Whole comments that say code was left out, without an ellipsis. */
const KEPT_PHRASES = [
  /^(?:the )?rest\b.*\b(?:unchanged|as before|omitted|the same|stays|remains)\b/i,
  /^(?:[\w()]+ )?(?:unchanged|omitted(?: for brevity)?)\.?$/i,
  /\b(?:code|content|implementation|logic|methods|functions|routes|handlers) (?:unchanged|omitted|as before|stays the same)\b/i,
  /^(?:keep )?(?:the )?existing (?:code|content|implementation|logic|methods|functions|routes|handlers|imports|tests)\b/i,
];

/** The first placeholder line of `content` (1-based number and text), or undefined. */
export function findElision(content: string): { line: number; text: string } | undefined {
  const lines = content.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const found = { line: index + 1, text: line.slice(0, 120) };
    if (ELLIPSIS.test(line)) return found;
    const comment = COMMENT.exec(line);
    if (!comment) continue;
    const said = comment[1]!.trim();
    // `// ...`, `// ... existing code ...`, `# rest of main() unchanged`: an ellipsis alone, an ellipsis with
    // words that say code was kept, or such words alone. `// ... add more checks here ...` is a comment.
    if (ELLIPSIS.test(said.replace(/\s+/g, ''))) return found;
    if (HAS_ELLIPSIS.test(said) && KEPT_WORD.test(said)) return found;
    if (KEPT_PHRASES.some((phrase) => phrase.test(said))) return found;
  }
  return undefined;
}
