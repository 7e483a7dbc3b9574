import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { scanSecrets } from './scan-secrets.js';
import { readSecretConfig } from './secret-config.js';

interface Case {
  name: string;
  configPath: string;
  inputFilePath: string;
  findings: { RuleID?: string; StartLine?: number; EndLine?: number }[];
}

/**
 * trivy's secret-scanner table (pkg/fanal/secret/scanner_test.go), every case run with its own
 * configuration file through `readSecretConfig` (custom rules, allow rules, exclude blocks,
 * enable/disable lists, severities). Not run, with reasons, in NOT_RUN.
 */
const NOT_RUN: Record<string, string> = {
  'begin/end line symbols with multi-line mode': 'its expected finding (wantMultiLine) is not transcribed in the vectors file, whose entry lists none',
};

describeWithTestdata('trivy secret-scanner expected cases (with each case’s trivy-secret config)', (root) => {
  it('finds exactly the expected rule ids and lines', () => {
    const dir = path.join(root, 'secrets');
    const doc = JSON.parse(readFileSync(path.join(dir, 'trivy-secret-scanner-expected.json'), 'utf8')) as { cases: Case[] };
    let pass = 0;
    let total = 0;
    const notRun: string[] = [];
    const failures: string[] = [];
    for (const c of doc.cases) {
      if (NOT_RUN[c.name] !== undefined) {
        notRun.push(`${c.name}: ${NOT_RUN[c.name]}`);
        continue;
      }
      if (c.findings.some((f) => f.RuleID === undefined)) {
        notRun.push(`${c.name}: expected findings not transcribed (only variable names)`);
        continue;
      }
      total++;
      const configFile = path.join(dir, 'trivy-secret-testdata', c.configPath);
      const config = readSecretConfig(readFileSync(configFile, 'utf8'), configFile);
      const input = readFileSync(path.join(dir, 'trivy-secret-testdata', c.inputFilePath));
      const found = scanSecrets(input, {
        path: c.inputFilePath,
        rules: config.rules,
        allowRules: config.allowRules,
        excludeBlocks: config.excludeBlocks,
        disableAllowPaths: config.disableAllowPaths,
      }).map((f) => `${f.ruleId}:${f.startLine}-${f.endLine}`);
      const expected = c.findings.map((f) => `${f.RuleID}:${f.StartLine}-${f.EndLine}`);
      if (JSON.stringify([...found].sort()) === JSON.stringify([...expected].sort())) pass++;
      else failures.push(`${c.name}: expected ${expected.join(', ') || 'nothing'}; found ${found.join(', ') || 'nothing'}`);
    }
    console.log(`secrets (trivy scanner cases with their configs): ${pass}/${total} pass; ${notRun.length} not run:\n  ${notRun.join('\n  ')}${failures.length ? `\n  ${failures.join('\n  ')}` : ''}`);
    expect(failures).toEqual([]);
    // 55 cases ran when this was written: a vectors file whose cases all end up not run must not pass.
    expect(total).toBeGreaterThan(40);
  });
});

describe('scanSecrets', () => {
  it('masks the secret, skips binaries and allowed paths, and reports lines', () => {
    const text = 'x=1\nGITHUB_TOKEN=ghp_012345678901234567890123456789abcdef\n';
    const [f] = scanSecrets(text, { path: '/app/.env', layer: 'sha256:abc' });
    expect(f).toMatchObject({ ruleId: 'github-pat', startLine: 2, endLine: 2, severity: 'critical', location: { path: '/app/.env', layer: 'sha256:abc', line: 2 } });
    expect(f!.match).toBe(`GITHUB_TOKEN=${'*'.repeat(40)}`);
    expect(scanSecrets(text, { path: '/app/README.md' })).toEqual([]);
    expect(scanSecrets(Buffer.concat([Buffer.from([0]), Buffer.from(text)]))).toEqual([]);
  });
});
