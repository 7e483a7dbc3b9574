import { formatLocation } from '../core/index.js';
import type { Reporter } from './report-input.js';
import { remediationOf, sortFindings } from './report-input.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export const reporter: Reporter = {
  id: 'markdown',
  version: 1,
  description: 'Markdown table for pull-request comments',
  render(input) {
    const lines = [`### ${input.tool.name} ${input.command}: ${input.findings.length} finding(s) in ${input.targets.map((t) => `\`${t}\``).join(', ')}`, ''];
    if (input.findings.length > 0) {
      lines.push('| severity | check | location | message | fix |', '|---|---|---|---|---|');
      for (const f of sortFindings(input.findings)) {
        lines.push(`| ${f.severity} | \`${f.id}\` | ${cell(formatLocation(f.location))} | ${cell(f.message)} | ${cell(remediationOf(f) ?? '')} |`);
      }
      lines.push('');
    }
    if (input.suppressed.length > 0) {
      lines.push(`<details><summary>${input.suppressed.length} suppressed</summary>`, '');
      for (const s of input.suppressed) lines.push(`- \`${s.finding.id}\` ${cell(formatLocation(s.finding.location))}: ${cell(s.reason)}`);
      lines.push('', '</details>', '');
    }
    for (const u of input.unknowns) lines.push(`- unknown: ${cell(formatLocation(u.location))}: ${cell(u.reason)}`);
    return `${lines.join('\n')}\n`;
  },
};
