/**
 * `run.protectedPaths`: files a model's edits may not touch unless the owner opts in, because they run code
 * or decide what runs (workflows, composite actions, keel's own configuration, code owners, submodules,
 * attributes, package-manager configs). Patterns are globs over `/`-separated paths: `*` and `?` within one
 * name, `**` for any number of folders, a trailing `/` for everything under a folder; a pattern without a `/`
 * matches that name in any folder (as in `.gitignore`). Names compare the way a case-insensitive,
 * compatibility-normalising file system sees them (`edit-path.ts`'s `fold`): `.GitHub/Workflows/x.yml` and
 * `ＣＯＤＥＯＷＮＥＲＳ` are protected too.
 */
import { fold } from './edit-path.ts';

export interface ProtectedPaths {
  /** The first pattern `path` (workspace-relative, `/`-separated) matches, or undefined. */
  match(path: string): string | undefined;
}

export function protectedPaths(patterns: readonly string[]): ProtectedPaths {
  const compiled = patterns.map((pattern) => ({ pattern, test: compile(pattern) }));
  return {
    match(path) {
      const segments = path.split('/').map(fold);
      return compiled.find((c) => c.test(segments))?.pattern;
    },
  };
}

/** The patterns that stay protected once `allowWorkflowEdits` lets workflows through. */
export function withoutWorkflows(patterns: readonly string[]): string[] {
  return patterns.filter((pattern) => !/^\.github\/workflows(?:\/|$)/i.test(pattern));
}

function compile(pattern: string): (segments: readonly string[]) => boolean {
  let text = pattern.replace(/^\/+/, '');
  if (text.endsWith('/')) text = `${text}**`;
  const parts = (text.includes('/') ? text : `**/${text}`).split('/').filter((p) => p !== '');
  const matchers = parts.map((part) => (part === '**' ? '**' : segmentMatcher(part)));
  return (segments) => matchFrom(matchers, 0, segments, 0);
}

type Matcher = '**' | RegExp;

function matchFrom(matchers: readonly Matcher[], m: number, segments: readonly string[], s: number): boolean {
  if (m === matchers.length) return s === segments.length;
  const matcher = matchers[m]!;
  if (matcher === '**') {
    for (let skip = s; skip <= segments.length; skip++)
      if (matchFrom(matchers, m + 1, segments, skip)) return true;
    return false;
  }
  return s < segments.length && matcher.test(segments[s]!) && matchFrom(matchers, m + 1, segments, s + 1);
}

function segmentMatcher(part: string): RegExp {
  const source = [...fold(part)]
    .map((char) =>
      char === '*' ? '[^/]*' : char === '?' ? '[^/]' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`, 'u');
}
