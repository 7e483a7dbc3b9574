import type { Finding } from '../core/index.js';
import { sortFindings } from '../report/index.js';
import type { Inventory } from '../sbom/index.js';
import type { IgnoreEntry } from './ignore-file.js';
import type { ScanReport } from './scan-policy.js';

/** Version of `rampart scan --format json` (docs/scan-json.md); bumped on incompatible change. */
export const SCAN_JSON_SCHEMA_VERSION = 1;

export interface ScanJsonContext {
  readonly tool: { readonly name: string; readonly version: string };
  readonly target: string;
  readonly inventory: Inventory;
  readonly database?: { readonly updatedAt?: string; readonly ageDays?: number };
}

function vulnerabilityJson(f: Finding): Record<string, unknown> {
  const e = f.evidence;
  const pkg = e['package'] as { name: string; version: string; ecosystem: string; purl?: string };
  return {
    id: f.id,
    aliases: e['aliases'] ?? [],
    severity: f.severity,
    package: { name: pkg.name, version: pkg.version, purl: pkg.purl ?? null, ecosystem: pkg.ecosystem },
    fixedVersion: e['fixedVersion'] ?? null,
    status: e['status'],
    message: f.message,
    location: f.location,
    explanation: e['explanation'],
  };
}

function secretJson(f: Finding): Record<string, unknown> {
  return { ruleId: f.id, severity: f.severity, message: f.message, location: f.location, ...f.evidence };
}

const isSecret = (f: Finding): boolean => f.evidence['kind'] === 'secret';
const ignoreJson = (e: IgnoreEntry): Record<string, unknown> => ({ id: e.id, package: e.package ?? null, reason: e.reason, expires: e.expires ?? null, location: e.location });

/** The scan's JSON document: vulnerability findings, secrets, suppressions, expired ignores and unknowns. */
export function renderScanJson(report: ScanReport, context: ScanJsonContext): string {
  const bySeverity: Record<string, number> = {};
  for (const f of report.findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const document = {
    schemaVersion: SCAN_JSON_SCHEMA_VERSION,
    tool: context.tool,
    command: 'scan',
    target: context.target,
    os: context.inventory.os ?? null,
    database: context.database ?? null,
    findings: sortFindings(report.findings).filter((f) => !isSecret(f)).map(vulnerabilityJson),
    secrets: sortFindings(report.findings).filter(isSecret).map(secretJson),
    suppressed: report.suppressed.map((s) => ({
      ...(isSecret(s.finding) ? secretJson(s.finding) : vulnerabilityJson(s.finding)),
      suppression: { reason: s.reason, expires: s.expires ?? null, source: s.source, ...(s.finding.evidence['vex'] === undefined ? {} : { vex: s.finding.evidence['vex'] }) },
    })),
    expiredIgnores: report.expiredIgnores.map(ignoreJson),
    unknowns: report.unknowns,
    summary: {
      packages: context.inventory.packages.length,
      findings: report.findings.length,
      suppressed: report.suppressed.length,
      expiredIgnores: report.expiredIgnores.length,
      unknowns: report.unknowns.length,
      bySeverity,
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
