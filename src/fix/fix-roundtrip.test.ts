import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/index.js';
import type { LintInput } from '../lint/index.js';
import { checkRegistry, findProfile, lintInput, readCompose, readDockerRunArgv, readDockerfile, readKubernetes } from '../lint/index.js';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { hardenDockerRunArgv } from './docker-run-fix.js';
import { fixText, unifiedDiff } from './fix-target.js';

type Kind = 'kubernetes' | 'compose' | 'dockerfile';

function lint(kind: Kind, text: string): Finding[] {
  const file = `case.${kind}`;
  const workloads = kind === 'kubernetes' ? readKubernetes(text, file) : { workloads: kind === 'compose' ? readCompose(text, file) : [readDockerfile(text, file)], meshPolicies: [] };
  const input: LintInput = { target: file, workloads: workloads.workloads, meshPolicies: workloads.meshPolicies, inlineExceptions: [] };
  return lintInput(input, { registry: checkRegistry, profile: findProfile('rampart'), context: { pssVersion: Number.POSITIVE_INFINITY }, today: '2026-01-01' }).findings;
}

const fixable = (findings: readonly Finding[]): string[] => findings.filter((f) => f.evidence['fixable'] === true).map((f) => `${f.id}: ${f.message}`);

const DEPLOYMENT = `# web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web  # the name
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      hostNetwork: true
      containers:
      - name: app
        image: nginx:1.25   # pinned later
        ports:
        - containerPort: 80
          hostPort: 80
        securityContext:
          privileged: true
          runAsUser: 0
          capabilities:
            add: ["NET_ADMIN", "NET_BIND_SERVICE"]
      volumes:
      - name: sock
        hostPath:
          path: /var/run/docker.sock
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: web}
spec:
  mtls:
    mode: PERMISSIVE
`;
const COMPOSE = `services:
  # the web service
  web:
    image: nginx:1.25
    privileged: true
    network_mode: host
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
      - ./data:/data:ro
    cap_add: [SYS_ADMIN]
    security_opt: ["seccomp=unconfined"]
    restart: always
  db:
    image: postgres:16
    user: root
    deploy:
      resources:
        limits: {cpus: "0.5"}
`;
const DOCKERFILE = 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nADD app.js /app/\nUSER root\nCMD ["node", "/app/app.js"]\n';

describe('rampart fix, then lint', () => {
  it.each([
    ['kubernetes', DEPLOYMENT],
    ['compose', COMPOSE],
    ['dockerfile', DOCKERFILE],
  ] as const)('%s: leaves no fixable finding and keeps comments', (kind, text) => {
    expect(fixable(lint(kind, text)).length).toBeGreaterThan(0);
    const fixed = fixText(kind, text, `case.${kind}`);
    expect(fixable(lint(kind, fixed.text))).toEqual([]);
    for (const comment of text.match(/#.*$/gm) ?? []) expect(fixed.text).toContain(comment);
    // idempotent: a second fix changes nothing
    expect(fixText(kind, fixed.text, `case.${kind}`).text).toBe(fixed.text);
  });

  it('keeps untouched lines byte for byte', () => {
    const fixed = fixText('kubernetes', DEPLOYMENT, 'd.yaml');
    const diff = unifiedDiff({ file: 'd.yaml', before: DEPLOYMENT, after: fixed.text });
    const removed = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'));
    expect(removed.some((l) => l.includes('# the name') || l.includes('{app: web}') || l.includes('# pinned later'))).toBe(false);
    expect(diff).toContain('+    mode: STRICT');
  });

  it.each(['kubernetes', 'compose'] as const)('refuses invalid %s YAML with a PARSE_ERROR naming the file, line and column', (kind) => {
    expect(() => fixText(kind, 'services: [\n', 'broken.yaml')).toThrow(expect.objectContaining({ code: 'PARSE_ERROR', message: expect.stringMatching(/^broken\.yaml: invalid YAML: /) }));
    expect(() => fixText(kind, 'services: [\n', 'broken.yaml')).toThrow(expect.objectContaining({ location: expect.objectContaining({ file: 'broken.yaml', line: expect.any(Number), column: expect.any(Number) }) }));
  });

  it('hardens a docker run argv so lint finds nothing fixable', () => {
    const argv = ['docker', 'run', '-it', '--privileged', '--net=host', '-v', '/var/run/docker.sock:/var/run/docker.sock', '--cap-add', 'SYS_ADMIN', '-u', 'root', 'alpine:3', 'sh', '-c', 'echo hi'];
    const fixed = hardenDockerRunArgv(argv);
    const findings = lintInput(readDockerRunArgv(fixed.argv), { registry: checkRegistry, profile: findProfile('rampart'), context: { pssVersion: Number.POSITIVE_INFINITY }, today: '2026-01-01' }).findings;
    expect(fixable(findings)).toEqual([]);
    expect(fixed.argv.slice(-4)).toEqual(['alpine:3', 'sh', '-c', 'echo hi']);
    expect(fixed.argv).toContain('-it');
    expect(fixed.argv).not.toContain('--privileged');
  });
});

describeWithTestdata('rampart fix over third-party bad examples', (root) => {
  it('fixes every Pod Security restricted fail fixture (latest) and every trivy-checks bad manifest to nothing fixable', () => {
    const texts: [string, string][] = [];
    const psa = path.join(root, 'k8s-config', 'psa-testdata', 'restricted', 'v1.37', 'fail');
    for (const name of readdirSync(psa)) texts.push([`psa ${name}`, readFileSync(path.join(psa, name), 'utf8')]);
    const trivy = path.join(root, 'k8s-config', 'trivy-checks', 'checks', 'kubernetes');
    for (const name of readdirSync(trivy)) {
      const doc = parse(readFileSync(path.join(trivy, name), 'utf8')) as { kubernetes?: { bad?: string[] } };
      (doc.kubernetes?.bad ?? []).forEach((text, i) => texts.push([`trivy ${name}#${i}`, text]));
    }
    const left: string[] = [];
    for (const [name, text] of texts) {
      const remaining = fixable(lint('kubernetes', fixText('kubernetes', text, name).text));
      if (remaining.length > 0) left.push(`${name}: ${remaining.join('; ')}`);
    }
    console.log(`fix-then-lint: ${texts.length - left.length}/${texts.length} third-party bad manifests left with no fixable finding`);
    expect(left).toEqual([]);
  });
});
