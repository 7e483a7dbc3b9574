import type { Finding, Severity } from '../core/index.js';
import type { Reporter } from './report-input.js';
import { remediationOf, sortFindings } from './report-input.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', unknown: 'note' };
/** GitHub code scanning reads `security-severity` (0.0-10.0) from rule properties. */
const SCORE: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', unknown: '0.0' };

function result(finding: Finding, suppressed?: { reason: string }): Record<string, unknown> {
  const region: Record<string, number> = {};
  if (finding.location.line !== undefined) region['startLine'] = finding.location.line;
  if (finding.location.column !== undefined) region['startColumn'] = finding.location.column;
  const uri = finding.location.file ?? finding.location.path;
  return {
    ruleId: finding.id,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    ...(uri === undefined
      ? {}
      : { locations: [{ physicalLocation: { artifactLocation: { uri }, ...(Object.keys(region).length === 0 ? {} : { region }) } }] }),
    properties: { severity: finding.severity, evidence: finding.evidence },
    ...(suppressed === undefined ? {} : { suppressions: [{ kind: 'external', justification: suppressed.reason }] }),
  };
}

export const reporter: Reporter = {
  id: 'sarif',
  version: 1,
  description: 'SARIF 2.1.0 for code-scanning tools',
  render(input) {
    const seen = new Set<string>();
    const all = [...input.findings, ...input.suppressed.map((s) => s.finding)];
    const rules = input.rules
      .filter((r) => all.some((f) => f.id === r.id))
      .map((rule) => {
        seen.add(rule.id);
        return {
          id: rule.id,
          shortDescription: { text: rule.description },
          ...(rule.helpText === undefined ? {} : { help: { text: rule.helpText } }),
          defaultConfiguration: { level: LEVEL[rule.severity] },
          properties: { 'security-severity': SCORE[rule.severity], tags: ['security', ...(rule.tags ?? [])] },
        };
      });
    for (const f of all) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      rules.push({
        id: f.id,
        shortDescription: { text: f.message },
        ...(remediationOf(f) === undefined ? {} : { help: { text: remediationOf(f) ?? '' } }),
        defaultConfiguration: { level: LEVEL[f.severity] },
        properties: { 'security-severity': SCORE[f.severity], tags: ['security'] },
      });
    }
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: input.tool.name, version: input.tool.version, informationUri: 'https://github.com/rampart', rules } },
          results: [...sortFindings(input.findings).map((f) => result(f)), ...input.suppressed.map((s) => result(s.finding, s))],
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};
