import type { Location } from '../../core/index.js';
import type { MeshPolicy, WorkloadSpec } from '../model.js';
import { optional } from '../optional-field.js';
import type { YamlView } from '../yaml-view.js';
import { parseYaml } from '../yaml-view.js';
import { readPodSpec } from './kubernetes-pod.js';

/** Where the pod template sits, per workload kind. */
export const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  PodTemplate: ['template'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

const MAX_LIST_DEPTH = 8;

export interface KubernetesRead {
  readonly workloads: WorkloadSpec[];
  readonly meshPolicies: MeshPolicy[];
  /** Documents that are Kubernetes objects of a kind that holds no pod (Service, ConfigMap...). */
  readonly otherKinds: number;
}

/** True when the text looks like Kubernetes objects (an apiVersion and a kind at the top level). */
export function looksLikeKubernetes(text: string): boolean {
  return /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text);
}

/** Reads every workload and PeerAuthentication from a (multi-document) Kubernetes YAML file. */
export function readKubernetes(text: string, file: string): KubernetesRead {
  const result: KubernetesRead = { workloads: [], meshPolicies: [], otherKinds: 0 };
  for (const view of parseYaml(text, file).views) {
    if (view.doc.contents === null) continue;
    readObject(view, view.doc.contents, result, 0);
  }
  return result;
}

function readObject(view: YamlView, node: unknown, out: { workloads: WorkloadSpec[]; meshPolicies: MeshPolicy[]; otherKinds: number }, depth: number): void {
  const kind = view.str(view.get(node, 'kind'))?.value;
  if (kind === undefined) return;
  const location = view.locate(node);
  const name = view.str(view.path(node, 'metadata', 'name'))?.value ?? '';
  const namespace = view.str(view.path(node, 'metadata', 'namespace'))?.value;
  if (kind.endsWith('List') && depth < MAX_LIST_DEPTH) {
    for (const item of view.items(view.get(node, 'items'))) readObject(view, item, out, depth + 1);
    return;
  }
  if (kind === 'PeerAuthentication') {
    out.meshPolicies.push(readPeerAuthentication(view, node, name, namespace, location));
    return;
  }
  const templatePath = TEMPLATE_PATHS[kind];
  if (templatePath === undefined) {
    out.otherKinds++;
    return;
  }
  const template = templatePath.length === 0 ? node : view.path(node, ...templatePath);
  if (template === undefined) return;
  const spec = view.get(template, 'spec');
  if (spec === undefined) return;
  out.workloads.push(
    readPodSpec(view, spec, {
      kind,
      name,
      ...optional('namespace', namespace),
      location,
      metadata: view.get(template, 'metadata'),
    }),
  );
}

function readPeerAuthentication(view: YamlView, node: unknown, name: string, namespace: string | undefined, location: Location): MeshPolicy {
  const spec = view.get(node, 'spec');
  const portModes = view.entries(view.get(spec, 'portLevelMtls')).flatMap(([port, value]) => {
    const mode = view.str(view.get(value, 'mode'));
    return mode === undefined ? [] : [{ value: { port, mode: mode.value }, location: mode.location }];
  });
  return {
    kind: 'PeerAuthentication',
    name,
    ...optional('namespace', namespace),
    location,
    selector: view.get(spec, 'selector') !== undefined,
    ...optional('mode', view.str(view.path(spec, 'mtls', 'mode'))),
    portModes,
  };
}
