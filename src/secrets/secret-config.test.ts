import { describe, expect, it } from 'vitest';
import { RampartError } from '../core/index.js';
import { scanSecrets } from './scan-secrets.js';
import { compileSecretPattern, readSecretConfig } from './secret-config.js';
import { secretRules } from './secret-rules.js';

const failure = (text: string): RampartError => {
  try {
    readSecretConfig(text, 'trivy-secret.yaml');
  } catch (error) {
    if (error instanceof RampartError) return error;
    throw error;
  }
  throw new Error('accepted');
};

describe('Trivy-compatible secret configuration', () => {
  it('adds rules (path, keywords, secret group, rule allow-rules) and drops disabled ones', () => {
    const config = readSecretConfig(
      [
        'rules:',
        '  - id: internal-token',
        '    category: Internal',
        '    title: Internal token',
        '    severity: HIGH',
        '    path: \\.env$',
        '    keywords: [ITOKEN]',
        "    regex: (?i)itoken\\s*=\\s*(?P<secret>[a-z0-9]{16})",
        '    allow-rules:',
        '      - id: placeholder',
        '        regex: 0{16}$',
        'disable-rules:',
        '  - github-pat',
      ].join('\n'),
      'trivy-secret.yaml',
    );
    expect(config.rules.some((r) => r.id === 'github-pat')).toBe(false);
    expect(config.rules.filter((r) => r.id === 'internal-token')).toHaveLength(1);
    const text = 'x=1\nITOKEN = abcdef0123456789\nitoken=0000000000000000\n';
    const found = scanSecrets(text, { path: 'app/.env', rules: config.rules });
    expect(found.map((f) => [f.ruleId, f.startLine, f.match, f.severity, f.category])).toEqual([['internal-token', 2, 'ITOKEN = ****************', 'high', 'Internal']]);
    expect(scanSecrets(text, { path: 'app/config.txt', rules: config.rules })).toEqual([]);
  });

  it('enable-builtin-rules keeps only the listed built-in rules', () => {
    const config = readSecretConfig('enable-builtin-rules:\n  - aws-access-key-id\n', 'x.yaml');
    expect(config.rules.map((r) => r.id)).toEqual(['aws-access-key-id']);
    expect(secretRules.units.length).toBeGreaterThan(1);
  });

  it('global allow-rules (by secret or by path) and exclude-block suppress findings', () => {
    const config = readSecretConfig(
      ['allow-rules:', '  - id: known-test-key', '    regex: AKIAABCDEFGHI1234567', '  - id: fixtures', '    path: ^fixtures/', 'exclude-block:', '  description: comments', '  regexes:', '    - (?m)^\\s*#.*$'].join('\n'),
      'x.yaml',
    );
    const opts = { rules: config.rules, allowRules: config.allowRules, excludeBlocks: config.excludeBlocks };
    const text = 'A=AKIAABCDEFGHI1234567\nB=AKIAZZZZZZZZZZZZZZZZ\n# C=AKIAYYYYYYYYYYYYYYYY\n';
    expect(scanSecrets(text, { path: 'deploy.sh', ...opts }).map((f) => [f.ruleId, f.startLine])).toEqual([['aws-access-key-id', 2]]);
    expect(scanSecrets(text, { path: 'fixtures/deploy.sh', ...opts })).toEqual([]);
  });

  it('runs configuration patterns on RE2: a pattern that backtracks exponentially in JavaScript stays linear', () => {
    const matcher = compileSecretPattern('(a+)+$');
    const text = `${'a'.repeat(50_000)}b`;
    expect([...matcher.matches(text)]).toEqual([]);
  });

  it.each([
    ['a YAML syntax error', 'rules:\n  - id: x\n    regex: [unclosed\n', /trivy-secret\.yaml:\d+:\d+: /],
    ['an unknown top-level key', 'rulez: []\n', /trivy-secret\.yaml:1:1: unknown key "rulez"/],
    ['a rule without a regex', 'rules:\n  - id: x\n', /trivy-secret\.yaml:2:5: a rule needs a regex/],
    ['a backreference (not RE2)', 'rules:\n  - id: x\n    regex: (a)\\1\n', /trivy-secret\.yaml:3:12: regex: invalid RE2 pattern/],
    ['a lookahead (not RE2)', 'rules:\n  - id: x\n    regex: a(?=b)\n', /trivy-secret\.yaml:3:12: regex: invalid RE2 pattern/],
    ['an allow rule with neither regex nor path', 'allow-rules:\n  - id: x\n', /trivy-secret\.yaml:2:5: an allow rule needs a regex or a path/],
    ['a rule id used twice', 'rules:\n  - id: aws-access-key-id\n    regex: x\n', /rule id aws-access-key-id is used twice/],
    ['YAML aliases', 'a: &x [1]\nrules: *x\n', /trivy-secret\.yaml:\d+:\d+:/],
  ])('refuses %s with file, line and column', (_name, text, message) => {
    const error = failure(text);
    expect(error.code).toBe('BAD_CONFIG');
    expect(error.message).toMatch(message);
  });
});
