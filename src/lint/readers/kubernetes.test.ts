import { describe, expect, it } from 'vitest';
import { readKubernetes } from './kubernetes.js';

const pod = (indent: string): string =>
  [
    'spec:',
    '  initContainers:',
    '  - name: init',
    '    image: busybox',
    '  containers:',
    '  - name: app',
    '    image: nginx',
    '    securityContext:',
    '      privileged: true',
    '  ephemeralContainers:',
    '  - name: debug',
    '    image: busybox',
  ]
    .map((l) => indent + l)
    .join('\n');

describe('readKubernetes', () => {
  it.each([
    ['Pod', `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n${pod('')}\n`],
    ['Deployment', `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: p}\nspec:\n  template:\n${pod('    ')}\n`],
    ['StatefulSet', `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: p}\nspec:\n  template:\n${pod('    ')}\n`],
    ['DaemonSet', `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: p}\nspec:\n  template:\n${pod('    ')}\n`],
    ['ReplicaSet', `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: p}\nspec:\n  template:\n${pod('    ')}\n`],
    ['Job', `apiVersion: batch/v1\nkind: Job\nmetadata: {name: p}\nspec:\n  template:\n${pod('    ')}\n`],
    ['CronJob', `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: p}\nspec:\n  jobTemplate:\n    spec:\n      template:\n${pod('        ')}\n`],
  ])('reads a %s with init, regular and ephemeral containers', (kind, text) => {
    const { workloads } = readKubernetes(text, 'w.yaml');
    expect(workloads).toHaveLength(1);
    const workload = workloads[0];
    expect(workload?.kind).toBe(kind);
    expect(workload?.containers.map((c) => `${c.role}:${c.name}`)).toEqual(['init:init', 'container:app', 'ephemeral:debug']);
    const privileged = workload?.containers[1]?.privileged;
    expect(privileged?.value).toBe(true);
    expect(privileged?.location.file).toBe('w.yaml');
    expect(text.split('\n')[(privileged?.location.line ?? 0) - 1]?.slice((privileged?.location.column ?? 0) - 1)).toBe('true');
  });

  it('reads List items, multi-document streams and Istio PeerAuthentication', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: Pod',
      '  metadata: {name: a}',
      '  spec: {containers: [{name: x, image: y}]}',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: s}',
      '---',
      'apiVersion: security.istio.io/v1',
      'kind: PeerAuthentication',
      'metadata: {name: default, namespace: mesh}',
      'spec:',
      '  mtls: {mode: PERMISSIVE}',
      '  portLevelMtls:',
      '    "8080": {mode: DISABLE}',
      '',
    ].join('\n');
    const read = readKubernetes(text, 'm.yaml');
    expect(read.workloads.map((w) => w.name)).toEqual(['a']);
    expect(read.otherKinds).toBe(1);
    expect(read.meshPolicies[0]).toMatchObject({ name: 'default', namespace: 'mesh', mode: { value: 'PERMISSIVE', location: { line: 17 } } });
    expect(read.meshPolicies[0]?.portModes[0]?.value).toEqual({ port: '8080', mode: 'DISABLE' });
  });

  it('rejects broken YAML with file, line and column', () => {
    expect(() => readKubernetes('kind: Pod\nspec: [\n', 'bad.yaml')).toThrow(expect.objectContaining({ code: 'PARSE_ERROR', location: expect.objectContaining({ file: 'bad.yaml', line: expect.any(Number) }) }));
  });
});
