/**
 * The scripted coder's files: small, deterministic, and valid for their kind, so that a demo's validation
 * (`node --check`, a test runner) passes on what the simulator wrote.
 *
 * - A new `.js`/`.mjs`/`.ts` file: an ES module exporting a function named after the subtask, the
 *   instructions as a comment. A `.cjs` file, or an existing file that uses `require`/`module.exports`, gets the
 *   CommonJS form.
 * - A new Markdown file: a heading and the instructions; any other new file: the instructions as text.
 * - An existing file shown whole: rewritten as its content plus the addition. An existing file shown truncated:
 *   a search/replace on its last shown line, so nothing the scripted model did not see is lost.
 * - Running the same subtask again over its own output changes nothing (the addition is already there).
 */

export interface ShownFile {
  content: string;
  truncated: boolean;
}

export interface ScriptedSubtask {
  id: string;
  title: string;
  instructions: string;
}

export type ScriptedEdit =
  { path: string; content: string } | { path: string; search: string; replace: string };

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with yield let static implements interface package private protected public await arguments eval'
  ).split(' '),
);

/** `add-greeting-module` → `addGreetingModule`; never a reserved word, never starting with a digit. */
export function functionName(id: string): string {
  const name = id.replace(/-+([a-z0-9])/g, (_, char: string) => char.toUpperCase()).replace(/-/g, '');
  return name === '' || /^\d/.test(name) || RESERVED.has(name)
    ? `task${name.charAt(0).toUpperCase()}${name.slice(1)}`
    : name;
}

/** Line comments: JS treats \r, U+2028 and U+2029 as line ends too, which would end a comment early. */
function commentLines(text: string, prefix: string): string {
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((line) => `${prefix} ${line}`.trimEnd())
    .join('\n');
}

const SCRIPT = /\.(?:m?js|cjs|ts|jsx|tsx)$/;

function addition(path: string, subtask: ScriptedSubtask, commonJs: boolean): string {
  const name = functionName(subtask.id);
  if (SCRIPT.test(path)) {
    const head = `${commentLines(subtask.instructions, '//')}\n`;
    return commonJs
      ? `${head}module.exports.${name} = function ${name}() {\n  return '${subtask.id}';\n};\n`
      : `${head}export function ${name}() {\n  return '${subtask.id}';\n}\n`;
  }
  if (path.endsWith('.md'))
    return `## ${subtask.title.replace(/[\r\n]+/g, ' ')}\n\n${subtask.instructions}\n`;
  return `${subtask.instructions}\n`;
}

export function scriptedEdits(
  path: string,
  subtask: ScriptedSubtask,
  shown: ShownFile | undefined,
): ScriptedEdit {
  if (shown === undefined || shown.content.trim() === '') {
    const content = path.endsWith('.md')
      ? `# ${subtask.title.replace(/[\r\n]+/g, ' ')}\n\n${subtask.instructions}\n`
      : addition(path, subtask, path.endsWith('.cjs'));
    return { path, content };
  }
  const commonJs = path.endsWith('.cjs') || /\bmodule\.exports\b|\brequire\(/.test(shown.content);
  const extra = addition(path, subtask, commonJs);
  if (shown.content.includes(extra)) return { path, content: shown.content };
  const base = shown.content.endsWith('\n') ? shown.content : `${shown.content}\n`;
  if (!shown.truncated) return { path, content: `${base}\n${extra}` };
  // Only the head of the file was shown: anchor on the last complete line that was.
  const lines = shown.content
    .split('\n')
    .slice(0, -2)
    .filter((line) => line.trim() !== '');
  const anchor = lines.at(-1) ?? shown.content.split('\n')[0]!;
  return { path, search: anchor, replace: `${anchor}\n\n${extra}` };
}
