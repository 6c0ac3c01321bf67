/**
 * Where a command's defaults live (`.github/keel.yml`, `.keel/`, the lanes file): the root of the git
 * repository around the working directory, or the working directory itself outside one. Paths a user types
 * (`--config x.yml`) stay relative to where they typed them.
 */
import { findRepoRoot } from '../git/repo-root.ts';
import type { CliIO } from './io.ts';

export function projectDir(io: Pick<CliIO, 'cwd'>): string {
  return findRepoRoot(io.cwd) ?? io.cwd;
}
