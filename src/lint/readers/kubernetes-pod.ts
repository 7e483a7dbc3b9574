import type { Location } from '../../core/index.js';
import type { ContainerRole, ContainerSpec, HandlerHost, Located, Mount, PodVolume, ProfileRef, SecuritySettings, SeLinuxOptions, WorkloadSpec } from '../model.js';
import { optional } from '../optional-field.js';
import type { YamlView } from '../yaml-view.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const LIFECYCLE = ['postStart', 'preStop'] as const;
const ROLES: readonly [string, ContainerRole][] = [
  ['initContainers', 'init'],
  ['containers', 'container'],
  ['ephemeralContainers', 'ephemeral'],
];

export interface PodHeader {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly location: Location;
  /** The pod template's `metadata` node (annotations live there). */
  readonly metadata: unknown;
}

/** Reads a PodSpec node (a Pod's `spec`, or a template's `spec`) into a WorkloadSpec. */
export function readPodSpec(view: YamlView, spec: unknown, header: PodHeader): WorkloadSpec {
  const podContext = view.get(spec, 'securityContext');
  const volumes: Located<PodVolume>[] = view.items(view.get(spec, 'volumes')).map((node) => {
    const entries = view.entries(node).filter(([key]) => key !== 'name');
    const type = entries[0]?.[0] ?? 'unknown';
    const hostPath = view.str(view.path(node, 'hostPath', 'path'))?.value;
    const name = view.str(view.get(node, 'name'))?.value ?? '';
    return { value: { name, type, ...(hostPath === undefined ? {} : { hostPath }) }, location: view.locate(node) };
  });
  const sysctls = view.items(view.get(podContext, 'sysctls')).map((node) => ({
    value: { name: view.str(view.get(node, 'name'))?.value ?? '', value: view.str(view.get(node, 'value'))?.value ?? '' },
    location: view.locate(node),
  }));
  const annotations = view.entries(view.get(header.metadata, 'annotations')).map(([key, node, keyLocation]) => ({
    value: { key, value: view.str(node)?.value ?? '' },
    location: keyLocation,
  }));
  const containers: ContainerSpec[] = [];
  for (const [field, role] of ROLES) {
    for (const node of view.items(view.get(spec, field))) containers.push(readContainer(view, node, role));
  }
  return {
    source: 'kubernetes',
    kind: header.kind,
    name: header.name,
    ...(header.namespace === undefined ? {} : { namespace: header.namespace }),
    location: header.location,
    ...optional('hostNetwork', view.bool(view.get(spec, 'hostNetwork'))),
    ...optional('hostPID', view.bool(view.get(spec, 'hostPID'))),
    ...optional('hostIPC', view.bool(view.get(spec, 'hostIPC'))),
    ...optional('hostUsers', view.bool(view.get(spec, 'hostUsers'))),
    ...optional('os', view.str(view.path(spec, 'os', 'name'))),
    ...optional('automountServiceAccountToken', view.bool(view.get(spec, 'automountServiceAccountToken'))),
    sysctls,
    volumes,
    pod: readSecuritySettings(view, podContext),
    annotations,
    containers,
  };
}

function readContainer(view: YamlView, node: unknown, role: ContainerRole): ContainerSpec {
  const context = view.get(node, 'securityContext');
  const capabilities = view.get(context, 'capabilities');
  const list = (key: string): Located<string>[] =>
    view.items(view.get(capabilities, key)).flatMap((item) => {
      const value = view.str(item);
      return value === undefined ? [] : [value];
    });
  const hostPorts = view.items(view.get(node, 'ports')).flatMap((port) => {
    const hostPort = view.int(view.get(port, 'hostPort'));
    return hostPort === undefined ? [] : [hostPort];
  });
  const mounts: Located<Mount>[] = view.items(view.get(node, 'volumeMounts')).map((mount) => ({
    value: {
      source: view.str(view.get(mount, 'name'))?.value ?? '',
      target: view.str(view.get(mount, 'mountPath'))?.value ?? '',
      type: 'volume',
      readOnly: view.bool(view.get(mount, 'readOnly'))?.value ?? false,
    },
    location: view.locate(mount),
  }));
  const handlerHosts: Located<HandlerHost>[] = [];
  const addHosts = (handlerName: string, handler: unknown): void => {
    for (const kind of ['httpGet', 'tcpSocket']) {
      const host = view.str(view.path(handler, kind, 'host'));
      if (host !== undefined) handlerHosts.push({ value: { handler: `${handlerName}.${kind}`, host: host.value }, location: host.location });
    }
  };
  for (const probe of PROBES) addHosts(probe, view.get(node, probe));
  for (const hook of LIFECYCLE) addHosts(`lifecycle.${hook}`, view.path(node, 'lifecycle', hook));
  const limits = view.path(node, 'resources', 'limits');
  const requests = view.path(node, 'resources', 'requests');
  const hasProbe = PROBES.some((probe) => view.get(node, probe) !== undefined);
  const location = view.locate(node);
  return {
    name: view.str(view.get(node, 'name'))?.value ?? '',
    role,
    location,
    ...optional('image', view.str(view.get(node, 'image'))),
    ...optional('privileged', view.bool(view.get(context, 'privileged'))),
    ...optional('allowPrivilegeEscalation', view.bool(view.get(context, 'allowPrivilegeEscalation'))),
    capAdd: list('add'),
    capDrop: list('drop'),
    ...optional('readOnlyRootFilesystem', view.bool(view.get(context, 'readOnlyRootFilesystem'))),
    ...optional('procMount', view.str(view.get(context, 'procMount'))),
    hostPorts,
    mounts,
    devices: [],
    resources: {
      ...optional('memoryLimit', view.str(view.get(limits, 'memory'))),
      ...optional('cpuLimit', view.str(view.get(limits, 'cpu'))),
      ...optional('memoryRequest', view.str(view.get(requests, 'memory'))),
      ...optional('cpuRequest', view.str(view.get(requests, 'cpu'))),
    },
    ...(role === 'container' ? { healthcheck: { value: hasProbe, location } } : {}),
    handlerHosts,
    ...optional('restartPolicy', view.str(view.get(node, 'restartPolicy'))),
    ...readSecuritySettings(view, context),
  };
}

function readSecuritySettings(view: YamlView, context: unknown): SecuritySettings {
  const profile = (node: unknown): Located<ProfileRef> | undefined => {
    if (node === undefined) return undefined;
    const type = view.str(view.get(node, 'type'));
    const localhostProfile = view.str(view.get(node, 'localhostProfile'))?.value;
    return {
      value: { type: type?.value ?? '', ...(localhostProfile === undefined ? {} : { localhostProfile }) },
      location: type?.location ?? view.locate(node),
    };
  };
  const seLinuxNode = view.get(context, 'seLinuxOptions');
  let seLinux: Located<SeLinuxOptions> | undefined;
  if (seLinuxNode !== undefined) {
    const options: Record<string, string> = {};
    for (const key of ['type', 'user', 'role', 'level']) {
      const value = view.str(view.get(seLinuxNode, key));
      if (value !== undefined) options[key] = value.value;
    }
    seLinux = { value: options, location: view.locate(seLinuxNode) };
  }
  return {
    ...optional('runAsUser', view.int(view.get(context, 'runAsUser'))),
    ...optional('runAsGroup', view.int(view.get(context, 'runAsGroup'))),
    ...optional('runAsNonRoot', view.bool(view.get(context, 'runAsNonRoot'))),
    ...optional('seccomp', profile(view.get(context, 'seccompProfile'))),
    ...optional('appArmor', profile(view.get(context, 'appArmorProfile'))),
    ...optional('seLinux', seLinux),
    ...optional('windowsHostProcess', view.bool(view.path(context, 'windowsOptions', 'hostProcess'))),
  };
}
