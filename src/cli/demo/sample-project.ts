/** The demo's sample project: a tiny JS package in a fresh git repository, with a validation script. */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FILES: Record<string, string> = {
  'README.md': '# sample\n\nA tiny project keel works on in the demo.\n',
  'src/index.js': "export const name = 'sample';\n",
  // The validation command of the demo's config: every module under src/ must load.
  'check.js': [
    "import { readdirSync } from 'node:fs';",
    "for (const file of readdirSync(new URL('./src/', import.meta.url))) await import(`./src/${file}`);",
    "console.log('all modules load');",
    '',
  ].join('\n'),
  'package.json': '{ "name": "sample", "private": true, "type": "module" }\n',
};

export async function createSampleRepo(dir: string): Promise<void> {
  for (const [path, content] of Object.entries(FILES)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Demo User');
  git('config', 'user.email', 'demo@example.invalid');
  git('add', '-A');
  git('commit', '-q', '-m', 'sample project');
}
