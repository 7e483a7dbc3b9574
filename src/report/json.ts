import type { Finding } from '../core/index.js';
import type { Reporter } from './report-input.js';
import { remediationOf, sortFindings } from './report-input.js';

/** Version of the JSON document's shape; bumped on incompatible change. */
export const JSON_SCHEMA_VERSION = 1;

function findingJson(finding: Finding): Record<string, unknown> {
  return {
    checkId: finding.id,
    severity: finding.severity,
    message: finding.message,
    location: finding.location,
    remediation: remediationOf(finding) ?? null,
    evidence: finding.evidence,
  };
}

export const reporter: Reporter = {
  id: 'json',
  version: 1,
  description: 'stable, versioned JSON',
  render(input) {
    const bySeverity: Record<string, number> = {};
    for (const f of input.findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    const document = {
      schemaVersion: JSON_SCHEMA_VERSION,
      tool: input.tool,
      command: input.command,
      targets: input.targets,
      findings: sortFindings(input.findings).map(findingJson),
      suppressed: input.suppressed.map((s) => ({
        ...findingJson(s.finding),
        suppression: { reason: s.reason, expires: s.expires ?? null, location: s.source },
      })),
      unknowns: input.unknowns,
      summary: { findings: input.findings.length, suppressed: input.suppressed.length, unknowns: input.unknowns.length, bySeverity },
    };
    return `${JSON.stringify(document, null, 2)}\n`;
  },
};
