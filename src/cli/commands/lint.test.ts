import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

function captureIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, cwd, out: () => out, err: () => err };
}

/** A pod passing every default check; `ports` (YAML lines) go into its one container. */
function hardenedPod(name: string, ports = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: app
    image: registry.example/app@sha256:${'a'.repeat(64)}
    livenessProbe: {httpGet: {port: 8080}}
    resources: {limits: {memory: 256Mi, cpu: 500m}}
${ports}    securityContext:
      allowPrivilegeEscalation: false
      readOnlyRootFilesystem: true
      capabilities: {drop: [ALL]}
`;
}

const HARDENED_POD = hardenedPod('ok');
const HOST_PORT_POD = hardenedPod('hp', `    ports:
    # rampart:ignore pss/host-ports reason="node-local agent" expires=2099-01-01
    - {containerPort: 80, hostPort: 80}
`);

describe('rampart lint', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rampart-lint-'));
    await writeFile(path.join(dir, 'ok.yaml'), HARDENED_POD);
    await writeFile(path.join(dir, 'hostport.yaml'), HOST_PORT_POD);
    await writeFile(path.join(dir, 'expired.yaml'), HOST_PORT_POD.replace('2099-01-01', '2001-01-01'));
    await writeFile(path.join(dir, 'noreason.yaml'), HOST_PORT_POD.replace(' reason="node-local agent"', ''));
    await writeFile(path.join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n');
    await writeFile(path.join(dir, 'exceptions.yaml'), 'exceptions:\n  - check: runtime/image-digest-pinned\n    reason: internal mirror\n    file: compose.yaml\n');
    await writeFile(path.join(dir, 'bad-exceptions.yaml'), 'exceptions:\n  - check: runtime/pids-limit\n');
    await writeFile(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1\n    read_only: true\n    user: "1000"\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n    deploy:\n      resources:\n        limits: {memory: 256M, cpus: "0.5", pids: 100}\n');
  });

  it('exits 0 on a hardened manifest and 1 with findings, JSON carrying checkId/severity/location/message/remediation', async () => {
    expect(await main(['lint', 'ok.yaml'], { io: captureIo(dir) })).toBe(0);
    const io = captureIo(dir);
    expect(await main(['lint', '-f', 'json', '--', 'docker', 'run', '--privileged', 'alpine'], { io })).toBe(1);
    const report = JSON.parse(io.out()) as { schemaVersion: number; findings: Record<string, unknown>[] };
    expect(report.schemaVersion).toBe(1);
    const privileged = report.findings.find((f) => f['checkId'] === 'runtime/privileged');
    expect(privileged).toMatchObject({ severity: 'critical', location: { file: '<argv>', line: 1, column: 3 } });
    expect(typeof privileged?.['message']).toBe('string');
    expect(typeof privileged?.['remediation']).toBe('string');
  });

  it('lists an inline exception as suppressed and re-raises it once expired', async () => {
    const io = captureIo(dir);
    expect(await main(['lint', 'hostport.yaml', '-f', 'json'], { io })).toBe(0);
    const report = JSON.parse(io.out()) as { findings: unknown[]; suppressed: { checkId: string; suppression: { reason: string } }[] };
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toMatchObject([{ checkId: 'pss/host-ports', suppression: { reason: 'node-local agent' } }]);
    const expired = captureIo(dir);
    expect(await main(['lint', 'expired.yaml', '-f', 'json'], { io: expired })).toBe(1);
    expect(JSON.parse(expired.out())).toMatchObject({ findings: [{ checkId: 'pss/host-ports', evidence: { exceptionExpired: '2001-01-01' } }] });
  });

  it('applies exceptions from a file, scoped by file name', async () => {
    const io = captureIo(dir);
    expect(await main(['lint', 'compose.yaml', '--exceptions', 'exceptions.yaml', '--fail-on', 'low', '-f', 'json'], { io })).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ findings: [], suppressed: [{ checkId: 'runtime/image-digest-pinned' }] });
    expect(await main(['lint', 'compose.yaml', '--fail-on', 'low'], { io: captureIo(dir) })).toBe(1);
  });

  it.each([
    [['lint', 'broken.yaml'], /broken\.yaml.*invalid YAML.*\(broken\.yaml:\d+:\d+\)/],
    [['lint', 'noreason.yaml'], /needs reason=/],
    [['lint', 'compose.yaml', '--exceptions', 'bad-exceptions.yaml'], /reason/],
    [['lint', 'missing.yaml'], /cannot read missing\.yaml/],
    [['lint', 'ok.yaml', '--profile', 'nope'], /unknown --profile/],
    [['lint', 'ok.yaml', '--pss-version', '2.0'], /invalid --pss-version/],
    [['lint', 'ok.yaml', '--fail-on', 'severe'], /invalid --fail-on/],
    [['lint', '-f', 'cyclonedx', 'ok.yaml'], /unsupported --format/],
  ])('exits 2 on bad input: %j', async (argv, message) => {
    const io = captureIo(dir);
    expect(await main(argv, { io })).toBe(2);
    expect(io.err()).toMatch(message);
  });

  it.each(['table', 'sarif', 'junit', 'markdown'])('renders %s', async (format) => {
    const io = captureIo(dir);
    expect(await main(['lint', '-f', format, 'hostport.yaml', '--', 'docker', 'run', '--cap-add', 'SYS_ADMIN', 'alpine'], { io })).toBe(1);
    const out = io.out();
    if (format === 'sarif') {
      const sarif = JSON.parse(out) as { version: string; runs: { results: { ruleId: string; suppressions?: unknown[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
      expect(sarif.version).toBe('2.1.0');
      const results = sarif.runs[0]?.results ?? [];
      expect(results.some((r) => r.ruleId === 'runtime/dangerous-capabilities')).toBe(true);
      expect(results.some((r) => r.ruleId === 'pss/host-ports' && r.suppressions !== undefined)).toBe(true);
      expect(new Set(sarif.runs[0]?.tool.driver.rules.map((r) => r.id))).toContain('runtime/dangerous-capabilities');
    } else if (format === 'junit') {
      expect(out).toMatch(/^<\?xml/);
      expect(out).toContain('<failure type="high"');
      expect(out).toContain('<skipped message="suppressed: node-local agent"/>');
    } else {
      expect(out).toContain('runtime/dangerous-capabilities');
      expect(out).toContain('pss/host-ports');
    }
  });
});
