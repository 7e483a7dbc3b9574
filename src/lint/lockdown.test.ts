import { describe, expect, it } from 'vitest';
import { atLeast } from '../core/index.js';
import { checkRegistry } from './check-registry.js';
import { lintInput } from './lint-engine.js';
import { findProfile } from './profiles.js';
import { readDockerRunArgv } from './readers/docker-run.js';
import { readKubernetes } from './readers/kubernetes.js';

const SEED = ['docker', 'run', '--read-only', '--cap-drop=ALL', '--user', 'nobody', '--security-opt', 'no-new-privileges', '--memory', '256m', '--cpus', '1', '--pids-limit', '64'];
const IMAGE = 'app:1';

function runFindings(argv: string[]) {
  return lintInput(readDockerRunArgv(argv), { registry: checkRegistry, profile: findProfile('rampart'), context: { pssVersion: Number.POSITIVE_INFINITY }, today: '2026-01-01' }).findings;
}

/** Each seed lockdown rule broken on its own (docker run), and the check that must report it at medium or above. */
const BROKEN: readonly [string, string[], string][] = [
  ['root user', [...SEED.filter((a) => a !== '--user' && a !== 'nobody'), '--user', '0'], 'runtime/non-root-user'],
  ['writable root filesystem', SEED.filter((a) => a !== '--read-only'), 'runtime/read-only-root-filesystem'],
  ['capabilities not dropped', SEED.filter((a) => a !== '--cap-drop=ALL'), 'runtime/cap-drop-all'],
  ['privilege escalation allowed', SEED.filter((a) => a !== '--security-opt' && a !== 'no-new-privileges'), 'runtime/no-new-privileges'],
  ['no memory limit', SEED.filter((a, i) => a !== '--memory' && SEED[i - 1] !== '--memory'), 'runtime/memory-limit'],
  ['no CPU limit', SEED.filter((a, i) => a !== '--cpus' && SEED[i - 1] !== '--cpus'), 'runtime/cpu-limit'],
  ['privileged', [...SEED, '--privileged'], 'runtime/privileged'],
  ['host network', [...SEED, '--network=host'], 'runtime/host-namespaces'],
  ['host pid', [...SEED, '--pid=host'], 'runtime/host-namespaces'],
  ['docker socket', [...SEED, '-v', '/var/run/docker.sock:/var/run/docker.sock'], 'runtime/docker-socket-mount'],
  ['unconfined seccomp', [...SEED, '--security-opt', 'seccomp=unconfined'], 'runtime/seccomp-unconfined'],
];

describe('the seed lockdown rules', () => {
  it('a docker run following all of them has no finding at medium or above', () => {
    expect(runFindings([...SEED, IMAGE]).filter((f) => atLeast(f.severity, 'medium'))).toEqual([]);
  });

  it.each(BROKEN)('breaking "%s" is reported at medium or above', (_rule, argv, checkId) => {
    const finding = runFindings([...argv, IMAGE]).find((f) => f.id === checkId);
    expect(finding, checkId).toBeDefined();
    expect(atLeast(finding?.severity ?? 'unknown', 'medium')).toBe(true);
  });

  it('a Kubernetes pod following all of them has no finding at medium or above', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsNonRoot: true, runAsUser: 65534, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: app
    image: app:1
    resources: {limits: {memory: 256Mi, cpu: "1"}}
    securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
`;
    const read = readKubernetes(text, 'p.yaml');
    const findings = lintInput(
      { target: 'p.yaml', workloads: read.workloads, meshPolicies: [], inlineExceptions: [] },
      { registry: checkRegistry, profile: findProfile('rampart'), context: { pssVersion: Number.POSITIVE_INFINITY }, today: '2026-01-01' },
    ).findings;
    expect(findings.filter((f) => atLeast(f.severity, 'medium'))).toEqual([]);
  });
});

describe('check metadata', () => {
  it.each(checkRegistry.units.map((c) => [c.id, c] as const))('%s has a severity, references, message title and remediation', (_id, check) => {
    expect(check.title.trim()).not.toBe('');
    expect(check.remediation.trim()).not.toBe('');
    const refs = check.references;
    expect((refs.cis?.length ?? 0) + (refs.cwe?.length ?? 0) + (refs.pss === undefined ? 0 : 1)).toBeGreaterThan(0);
    if (check.pssLevel !== undefined) expect(refs.pss).toMatch(new RegExp(`^${check.pssLevel}: `));
  });
});
