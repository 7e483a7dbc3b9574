import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { lintText } from './run-text.js';

interface ScoreCase {
  readonly file: string;
  readonly check: string;
  readonly expected_grade: string;
}

/** kube-score checks about security → the Rampart checks that decide the same question. */
const MAPPING: Readonly<Record<string, readonly string[]>> = {
  'Container Resources': ['runtime/cpu-limit', 'runtime/memory-limit'],
  'Container Image Tag': ['runtime/image-digest-pinned'],
  'Container Security Context Privileged': ['pss/privileged'],
  'Container Security Context ReadOnlyRootFilesystem': ['runtime/read-only-root-filesystem'],
  'Container Security Context User Group ID': ['pss/run-as-user', 'pss/run-as-non-root'],
};

/**
 * kube-score's score/testdata has pod-security-context-* manifests whose expected grades the
 * extracted test list does not carry; these follow kube-score's documented rules
 * (README_SECURITYCONTEXT.md: writable root filesystem, UID/GID < 10000, privileged → CRITICAL).
 */
const SECURITY_CONTEXT_CASES: readonly ScoreCase[] = [
  ...['all-good', 'high-ids', 'low-group-id', 'low-user-id', 'nosecuritycontext', 'privileged', 'writeablerootfilesystem'].flatMap((name) => {
    const file = `pod-security-context-${name}.yaml`;
    const privileged = name === 'privileged' || name === 'writeablerootfilesystem';
    const readOnly = name === 'all-good';
    const ids = name === 'all-good' || name === 'high-ids';
    return [
      { file, check: 'Container Security Context Privileged', expected_grade: privileged ? 'CRITICAL(1)' : 'OK(10)' },
      { file, check: 'Container Security Context ReadOnlyRootFilesystem', expected_grade: readOnly ? 'OK(10)' : 'CRITICAL(1)' },
      { file, check: 'Container Security Context User Group ID', expected_grade: ids ? 'OK(10)' : 'CRITICAL(1)' },
    ];
  }),
  { file: 'security-inherit-pod-security-context.yaml', check: 'Container Security Context Privileged', expected_grade: 'OK(10)' },
  { file: 'security-inherit-pod-security-context.yaml', check: 'Container Security Context ReadOnlyRootFilesystem', expected_grade: 'OK(10)' },
  { file: 'security-inherit-pod-security-context.yaml', check: 'Container Security Context User Group ID', expected_grade: 'OK(10)' },
];

/** Cases where Rampart decides differently (key: check|file), with the reason. */
const DIFFERENCES: Readonly<Record<string, string>> = {
  'Container Image Tag|pod-image-tag-fixed.yaml': 'foo/bar:1.2.3-style tags are mutable: Rampart asks for digest pinning (low)',
  'Container Security Context User Group ID|pod-security-context-all-good.yaml':
    'runAsUser 30000 without runAsNonRoot: true fails Pod Security restricted, which Rampart follows exactly',
  'Container Security Context User Group ID|pod-security-context-high-ids.yaml':
    'runAsUser 12000 without runAsNonRoot: true fails Pod Security restricted, which Rampart follows exactly',
  'Container Security Context User Group ID|security-inherit-pod-security-context.yaml':
    'runAsUser 20000 without runAsNonRoot: true fails Pod Security restricted, which Rampart follows exactly',
};

describeWithTestdata('kube-score security checks', (root) => {
  it('decides the security cases as kube-score does, or documents why not', () => {
    const base = path.join(root, 'k8s-config', 'kube-score');
    const data = JSON.parse(readFileSync(path.join(base, 'kube-score-expected.json'), 'utf8')) as { cases: ScoreCase[] };
    const cases = [...data.cases.filter((c) => MAPPING[c.check] !== undefined), ...SECURITY_CONTEXT_CASES];
    let same = 0;
    const differences: string[] = [];
    for (const c of cases) {
      const ids = MAPPING[c.check] ?? [];
      // CRITICAL is kube-score's verdict on the security question; a Container Resources WARNING is
      // about missing requests (scheduling), which Rampart does not judge.
      const kubeScoreFails = c.expected_grade.startsWith('CRITICAL');
      const text = readFileSync(path.join(base, 'score', 'testdata', c.file), 'utf8');
      const fired = lintText('kubernetes', text).some((f) => ids.includes(f.id));
      if (fired === kubeScoreFails) same++;
      else differences.push(`${c.check}|${c.file}`);
    }
    console.log(`kube-score: ${same}/${cases.length} security cases decided the same way`);
    expect(differences.sort()).toEqual(Object.keys(DIFFERENCES).sort());
  });
});
