import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/index.js';
import type { ReportInput } from './report-input.js';
import { reporterRegistry } from './reporter-registry.js';

const finding = (id: string, severity: Finding['severity'], line: number): Finding => ({
  id,
  severity,
  message: `${id} <problem> & "quote"`,
  location: { file: 'deploy.yaml', line, column: 3 },
  evidence: { workload: 'Pod/web' },
  fix: { description: `fix ${id}` },
});

const FULL: ReportInput = {
  tool: { name: 'rampart', version: '0.1.0' },
  command: 'lint',
  targets: ['deploy.yaml'],
  findings: [finding('pss/host-ports', 'medium', 9), finding('pss/privileged', 'critical', 4)],
  suppressed: [{ finding: finding('runtime/pids-limit', 'low', 12), reason: 'batch job', expires: '2030-01-01', source: { file: 'deploy.yaml', line: 11 } }],
  unknowns: [{ reason: 'no container found', location: { file: 'empty.yaml' } }],
  rules: [{ id: 'pss/privileged', description: 'Privileged containers', severity: 'critical', helpText: 'remove privileged' }],
};
const EMPTY: ReportInput = { ...FULL, findings: [], suppressed: [], unknowns: [] };

/** One conformance suite for every reporter: each renders every part of the input, and nothing for nothing. */
describe.each(reporterRegistry.units.map((r) => [r.id, r] as const))('reporter %s', (_id, reporter) => {
  it('renders every finding, the suppressed one and the unknown, most severe first', () => {
    const out = reporter.render(FULL, { color: false });
    for (const id of ['pss/privileged', 'pss/host-ports', 'runtime/pids-limit']) expect(out).toContain(id);
    expect(out.indexOf('pss/privileged')).toBeLessThan(out.indexOf('pss/host-ports'));
    if (reporter.id !== 'sarif') expect(out).toContain('no container found');
    expect(out.endsWith('\n')).toBe(true);
  });
  it('renders an empty input without findings', () => {
    const out = reporter.render(EMPTY, { color: false });
    expect(out).not.toContain('pss/');
  });
});

describe('structured reporters', () => {
  it('json: versioned document with checkId, severity, location, message, remediation', () => {
    const doc = JSON.parse(reporterRegistry.get('json')?.render(FULL, { color: false }) ?? '') as Record<string, unknown>;
    expect(doc).toMatchObject({
      schemaVersion: 1,
      findings: [{ checkId: 'pss/privileged', severity: 'critical', location: { file: 'deploy.yaml', line: 4, column: 3 }, remediation: 'fix pss/privileged' }, { checkId: 'pss/host-ports' }],
      suppressed: [{ checkId: 'runtime/pids-limit', suppression: { reason: 'batch job', expires: '2030-01-01' } }],
      summary: { findings: 2, suppressed: 1, unknowns: 1, bySeverity: { critical: 1, medium: 1 } },
    });
  });
  it('sarif: 2.1.0 with rules, levels, regions and suppressions', () => {
    const log = JSON.parse(reporterRegistry.get('sarif')?.render(FULL, { color: false }) ?? '') as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: unknown } }[]; suppressions?: unknown[] }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run?.tool.driver.rules.map((r) => r.id).sort()).toEqual(['pss/host-ports', 'pss/privileged', 'runtime/pids-limit']);
    expect(run?.results[0]).toMatchObject({ ruleId: 'pss/privileged', level: 'error', locations: [{ physicalLocation: { region: { startLine: 4, startColumn: 3 } } }] });
    expect(run?.results.find((r) => r.ruleId === 'runtime/pids-limit')?.suppressions).toHaveLength(1);
  });
  it('junit: escapes XML and counts failures, errors and skips', () => {
    const xml = reporterRegistry.get('junit')?.render(FULL, { color: false }) ?? '';
    expect(xml).toContain('tests="4" failures="2" errors="1" skipped="1"');
    expect(xml).toContain('&lt;problem&gt; &amp; &quot;quote&quot;');
    expect(xml).not.toMatch(/<problem>/);
  });
});
