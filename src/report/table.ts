import type { Severity } from '../core/index.js';
import { formatLocation } from '../core/index.js';
import type { Reporter } from './report-input.js';
import { remediationOf, sortFindings } from './report-input.js';

const COLORS: Record<Severity, string> = { critical: '\u001b[1;31m', high: '\u001b[31m', medium: '\u001b[33m', low: '\u001b[36m', unknown: '\u001b[2m' };
const RESET = '\u001b[0m';

export const reporter: Reporter = {
  id: 'table',
  version: 1,
  description: 'human-readable text, one block per finding',
  render(input, options) {
    const lines: string[] = [];
    const paint = (severity: Severity, text: string): string => (options.color ? `${COLORS[severity]}${text}${RESET}` : text);
    for (const f of sortFindings(input.findings)) {
      lines.push(`${paint(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.id}  ${formatLocation(f.location)}`);
      lines.push(`         ${f.message}`);
      const remediation = remediationOf(f);
      if (remediation !== undefined) lines.push(`         fix: ${remediation}`);
    }
    for (const s of input.suppressed) {
      const until = s.expires === undefined ? '' : ` until ${s.expires}`;
      lines.push(`SUPPRESSED ${s.finding.id}  ${formatLocation(s.finding.location)}  (${s.reason}${until}; ${formatLocation(s.source)})`);
    }
    for (const u of input.unknowns) lines.push(`UNKNOWN  ${formatLocation(u.location)}  ${u.reason}`);
    const counts = new Map<Severity, number>();
    for (const f of input.findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
    const summary = (['critical', 'high', 'medium', 'low', 'unknown'] as const)
      .filter((s) => counts.has(s))
      .map((s) => `${counts.get(s) ?? 0} ${s}`)
      .join(', ');
    lines.push(
      `${input.findings.length} finding${input.findings.length === 1 ? '' : 's'}${summary === '' ? '' : ` (${summary})`}, ` +
        `${input.suppressed.length} suppressed, ${input.unknowns.length} unknown in ${input.targets.join(', ')}`,
    );
    return `${lines.join('\n')}\n`;
  },
};
