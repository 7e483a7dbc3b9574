import { formatLocation } from '../core/index.js';
import type { Reporter } from './report-input.js';
import { remediationOf, sortFindings } from './report-input.js';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export const reporter: Reporter = {
  id: 'junit',
  version: 1,
  description: 'JUnit XML: one failing test case per finding, skipped ones for suppressed findings',
  render(input) {
    const cases: string[] = [];
    for (const f of sortFindings(input.findings)) {
      const where = formatLocation(f.location);
      const body = [f.message, where, remediationOf(f) === undefined ? '' : `fix: ${remediationOf(f) ?? ''}`].filter((l) => l !== '').join('\n');
      cases.push(
        `    <testcase classname="${escape(f.id)}" name="${escape(`${f.id} ${where}`)}">\n` +
          `      <failure type="${escape(f.severity)}" message="${escape(f.message)}">${escape(body)}</failure>\n    </testcase>`,
      );
    }
    for (const s of input.suppressed) {
      cases.push(
        `    <testcase classname="${escape(s.finding.id)}" name="${escape(`${s.finding.id} ${formatLocation(s.finding.location)}`)}">\n` +
          `      <skipped message="${escape(`suppressed: ${s.reason}`)}"/>\n    </testcase>`,
      );
    }
    for (const u of input.unknowns) {
      cases.push(
        `    <testcase classname="unknown" name="${escape(formatLocation(u.location))}">\n` +
          `      <error message="${escape(u.reason)}"/>\n    </testcase>`,
      );
    }
    const suite =
      `  <testsuite name="${escape(`${input.tool.name} ${input.command}`)}" tests="${cases.length}" ` +
      `failures="${input.findings.length}" errors="${input.unknowns.length}" skipped="${input.suppressed.length}">\n` +
      `${cases.join('\n')}${cases.length === 0 ? '' : '\n'}  </testsuite>`;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suite}\n</testsuites>\n`;
  },
};
