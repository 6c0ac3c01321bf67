/**
 * `keel doctor` (the CLI, and the Action's `doctor: true` for a first workflow run): every setup mistake keel
 * can see before a run starts, each with what to do — the configuration validates, every key variable is set,
 * every configured model exists on its endpoint, context windows are known, and (given a token and a
 * repository) the GitHub side: labels, issues, the pull-request setting, pushing, the runner.
 */
import { errorMessage } from '../../base/errors.ts';
import { loadConfig } from '../../config/load.ts';
import type { KeelConfig } from '../../config/schema.ts';
import { probeAll, type ProbeReportDeps } from '../../fleet/probe-report.ts';
import { fleetFindings, type Finding } from '../../fleet/setup-findings.ts';
import { githubFindings, type GitHubChecksOptions } from './github-checks.ts';

export type { Finding } from '../../fleet/setup-findings.ts';

export interface DoctorOptions {
  /** The configuration file (absolute); undefined: the usual places under `cwd`. */
  configPath?: string;
  cwd: string;
  env: Record<string, string | undefined>;
  signal: AbortSignal;
  probe?: ProbeReportDeps;
  /** The GitHub checks, when there is a token and a repository. */
  github?: GitHubChecksOptions;
}

export interface DoctorReport {
  findings: Finding[];
  errors: number;
  warnings: number;
}

export async function runDoctor(o: DoctorOptions): Promise<DoctorReport> {
  const findings: Finding[] = [];
  let config: KeelConfig | undefined;
  try {
    config = await loadConfig(o.configPath, { cwd: o.cwd });
    findings.push({ level: 'ok', subject: 'configuration', message: 'valid' });
  } catch (error) {
    findings.push({
      level: 'error',
      subject: 'configuration',
      message: errorMessage(error),
      fix: '`keel init` writes one; `keel schema` prints its JSON Schema; examples/keel.yml spells out every key',
    });
  }
  if (config) {
    const rows = await probeAll(config, { env: o.env, signal: o.signal }, o.probe ?? {}, true);
    findings.push(...fleetFindings(config, o.env, rows));
  }
  if (o.github) findings.push(...(await githubFindings(o.github)));
  return {
    findings,
    errors: findings.filter((f) => f.level === 'error').length,
    warnings: findings.filter((f) => f.level === 'warning').length,
  };
}

const MARK = { ok: '✔', warning: '!', error: '✘' } as const;

/** One line per finding, and its fix indented under it. */
export function renderDoctor(report: DoctorReport): string {
  const lines = report.findings.flatMap((f) => [
    `${MARK[f.level]} ${f.subject}: ${f.message}`,
    ...(f.fix && f.level !== 'ok' ? [`    → ${f.fix}`] : []),
  ]);
  const verdict =
    report.errors > 0
      ? `${report.errors} problem(s) to fix before a run${report.warnings > 0 ? `, ${report.warnings} warning(s)` : ''}`
      : report.warnings > 0
        ? `ready, with ${report.warnings} warning(s)`
        : 'ready';
  return `${lines.join('\n')}\n\nkeel doctor: ${verdict}\n`;
}

/** The same as a Markdown table for the job summary. */
export function doctorMarkdown(report: DoctorReport): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '### keel doctor',
    '',
    '| | what | finding | to do |',
    '| --- | --- | --- | --- |',
    ...report.findings.map(
      (f) =>
        `| ${MARK[f.level]} | ${cell(f.subject)} | ${cell(f.message)} | ${f.level === 'ok' ? '' : cell(f.fix ?? '')} |`,
    ),
    '',
  ].join('\n');
}
