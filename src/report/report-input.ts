import type { Finding, Location, Severity, Unit, Unknown } from '../core/index.js';

/** A finding that an exception silenced: still reported, marked as suppressed. */
export interface SuppressedEntry {
  readonly finding: Finding;
  readonly reason: string;
  readonly expires?: string;
  /** Where the exception was written. */
  readonly source: Location;
}

/** Metadata about a rule/check, for formats that describe rules (SARIF). */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly severity: Severity;
  readonly helpText?: string;
  readonly tags?: readonly string[];
}

/** What every reporter renders: generic over any engine's findings. */
export interface ReportInput {
  /** Tool name and version (`rampart`, `0.1.0`). */
  readonly tool: { readonly name: string; readonly version: string };
  /** The command that produced it (`lint`, `scan`). */
  readonly command: string;
  readonly targets: readonly string[];
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedEntry[];
  readonly unknowns: readonly Unknown[];
  readonly rules: readonly RuleInfo[];
}

export interface RenderOptions {
  readonly color: boolean;
}

/** One output format; the id is the `--format` value and the file name. */
export interface Reporter extends Unit {
  render(input: ReportInput, options: RenderOptions): string;
}

/** Findings sorted by severity (highest first), then location, then id. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, unknown: 4 };
  return [...findings].sort(
    (a, b) =>
      rank[a.severity] - rank[b.severity] ||
      (a.location.file ?? '').localeCompare(b.location.file ?? '') ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      a.id.localeCompare(b.id),
  );
}

/** The remediation text a finding carries (its fix description). */
export function remediationOf(finding: Finding): string | undefined {
  return finding.fix?.description;
}
