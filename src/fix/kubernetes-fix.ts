import type { Document, YAMLMap } from 'yaml';
import { isMap, isSeq, parseAllDocuments } from 'yaml';
import { TEMPLATE_PATHS } from '../lint/index.js';
import { KEPT_CAPABILITIES, hardeningDefaults, isRuntimeSocket } from './hardening-defaults.js';
import { assertParsed, detectYamlStyle, ensureMap, getMap, getSeq, keepOriginalFormatting, scalarText, setScalar } from './yaml-style.js';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
const PROFILE_OK = new Set(['RuntimeDefault', 'Localhost']);

/** Patches every pod template (and PeerAuthentication) in a Kubernetes YAML stream; comments and order are kept. */
export function fixKubernetesText(text: string, file: string): { text: string; notes: string[] } {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const notes: string[] = [];
  for (const doc of list) {
    assertParsed(doc, file);
    fixObject(doc, doc.contents, notes, 0);
  }
  const style = detectYamlStyle(text);
  const base = parseAllDocuments(text);
  const baseText = (Array.isArray(base) ? base : [base]).map((doc) => doc.toString(style)).join('');
  return { text: keepOriginalFormatting(text, baseText, list.map((doc) => doc.toString(style)).join('')), notes };
}

function fixObject(doc: Document, node: unknown, notes: string[], depth: number): void {
  if (!isMap(node)) return;
  const kind = scalarText(node.get('kind', true));
  if (kind.endsWith('List') && depth < 8) {
    for (const item of getSeq(node, 'items')?.items ?? []) fixObject(doc, item, notes, depth + 1);
    return;
  }
  if (kind === 'PeerAuthentication') {
    const spec = ensureMap(doc, node, 'spec');
    if (setScalar(doc, ensureMap(doc, spec, 'mtls'), 'mode', 'STRICT')) notes.push('PeerAuthentication: mtls.mode STRICT');
    for (const pair of getMap(spec, 'portLevelMtls')?.items ?? []) {
      if (isMap(pair.value) && setScalar(doc, pair.value, 'mode', 'STRICT')) notes.push('PeerAuthentication: port mtls.mode STRICT');
    }
    return;
  }
  const path = TEMPLATE_PATHS[kind];
  if (path === undefined) return;
  let template: unknown = node;
  for (const key of path) template = getMap(template, key);
  const spec = getMap(template, 'spec');
  if (spec !== undefined) fixPodSpec(doc, spec, `${kind}/${scalarText(getMap(node, 'metadata')?.get('name', true))}`, notes);
}

function fixPodSpec(doc: Document, spec: YAMLMap, who: string, notes: string[]): void {
  const note = (text: string): void => {
    notes.push(`${who}: ${text}`);
  };
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (scalarText(spec.get(key, true)) === 'true' && spec.delete(key)) note(`removed ${key}`);
  }
  const windows = scalarText(getMap(spec, 'os')?.get('name', true)) === 'windows';
  const podContext = ensureMap(doc, spec, 'securityContext');
  if (scalarText(podContext.get('runAsNonRoot', true)) !== 'true' && setScalar(doc, podContext, 'runAsNonRoot', true)) note('securityContext.runAsNonRoot: true');
  if (scalarText(podContext.get('runAsUser', true)) === '0' && setScalar(doc, podContext, 'runAsUser', hardeningDefaults.uid)) note(`securityContext.runAsUser: ${hardeningDefaults.uid}`);
  if (!windows) {
    const seccomp = getMap(podContext, 'seccompProfile');
    if (seccomp === undefined || !PROFILE_OK.has(scalarText(seccomp.get('type', true)))) {
      podContext.set(doc.createNode('seccompProfile'), doc.createNode({ type: 'RuntimeDefault' }));
      note('securityContext.seccompProfile.type: RuntimeDefault');
    }
  }
  if (scalarText(spec.get('automountServiceAccountToken', true)) !== 'false' && setScalar(doc, spec, 'automountServiceAccountToken', false)) {
    note('automountServiceAccountToken: false (set it back to true if the pod calls the Kubernetes API)');
  }
  const socketVolumes = new Set<string>();
  const volumes = getSeq(spec, 'volumes');
  if (volumes !== undefined) {
    volumes.items = volumes.items.filter((volume) => {
      const hostPath = scalarText(getMap(volume, 'hostPath')?.get('path', true));
      if (hostPath === '' || !isRuntimeSocket(hostPath)) return true;
      socketVolumes.add(scalarText(isMap(volume) ? volume.get('name', true) : undefined));
      note(`removed volume mounting ${hostPath}`);
      return false;
    });
    if (volumes.items.length === 0) spec.delete('volumes');
  }
  for (const listName of CONTAINER_LISTS) {
    for (const container of getSeq(spec, listName)?.items ?? []) {
      if (isMap(container)) fixContainer(doc, container, listName === 'ephemeralContainers', windows, socketVolumes, (t) => note(`${scalarText(container.get('name', true))}: ${t}`));
    }
  }
}

function fixContainer(doc: Document, container: YAMLMap, ephemeral: boolean, windows: boolean, socketVolumes: ReadonlySet<string>, note: (text: string) => void): void {
  const context = ensureMap(doc, container, 'securityContext');
  if (scalarText(context.get('privileged', true)) === 'true' && context.delete('privileged')) note('removed privileged');
  if (context.has('procMount') && scalarText(context.get('procMount', true)) !== 'Default' && context.delete('procMount')) note('removed procMount');
  if (scalarText(context.get('runAsNonRoot', true)) === 'false' && setScalar(doc, context, 'runAsNonRoot', true)) note('runAsNonRoot: true');
  if (scalarText(context.get('runAsUser', true)) === '0' && setScalar(doc, context, 'runAsUser', hardeningDefaults.uid)) note(`runAsUser: ${hardeningDefaults.uid}`);
  const seccomp = getMap(context, 'seccompProfile');
  if (seccomp !== undefined && !PROFILE_OK.has(scalarText(seccomp.get('type', true))) && setScalar(doc, seccomp, 'type', 'RuntimeDefault')) note('seccompProfile.type: RuntimeDefault');
  if (!windows) {
    if (scalarText(context.get('allowPrivilegeEscalation', true)) !== 'false' && setScalar(doc, context, 'allowPrivilegeEscalation', false)) note('allowPrivilegeEscalation: false');
    const capabilities = ensureMap(doc, context, 'capabilities');
    const drop = getSeq(capabilities, 'drop');
    if (!(drop?.items ?? []).some((item) => scalarText(item) === 'ALL')) {
      capabilities.set(doc.createNode('drop'), doc.createNode(['ALL']));
      note('capabilities.drop: [ALL]');
    }
    const add = getSeq(capabilities, 'add');
    if (add !== undefined) {
      const before = add.items.length;
      add.items = add.items.filter((item) => KEPT_CAPABILITIES.has(scalarText(item)));
      if (add.items.length === 0) capabilities.delete('add');
      if (add.items.length !== before) note('capabilities.add: only NET_BIND_SERVICE kept');
    }
  }
  if (!ephemeral) {
    if (scalarText(context.get('readOnlyRootFilesystem', true)) !== 'true' && setScalar(doc, context, 'readOnlyRootFilesystem', true)) note('readOnlyRootFilesystem: true (mount an emptyDir where the process writes)');
    const limits = ensureMap(doc, ensureMap(doc, container, 'resources'), 'limits');
    if (!limits.has('memory')) {
      setScalar(doc, limits, 'memory', hardeningDefaults.kubernetesMemory);
      note(`resources.limits.memory: ${hardeningDefaults.kubernetesMemory} (review)`);
    }
    if (!limits.has('cpu')) {
      setScalar(doc, limits, 'cpu', hardeningDefaults.cpus);
      note(`resources.limits.cpu: ${hardeningDefaults.cpus} (review)`);
    }
  }
  for (const port of getSeq(container, 'ports')?.items ?? []) {
    if (isMap(port) && port.has('hostPort') && port.delete('hostPort')) note('removed hostPort');
  }
  const mounts = getSeq(container, 'volumeMounts');
  if (mounts !== undefined && socketVolumes.size > 0) {
    mounts.items = mounts.items.filter((m) => !(isMap(m) && socketVolumes.has(scalarText(m.get('name', true)))));
  }
  if (isSeq(mounts) && mounts.items.length === 0) container.delete('volumeMounts');
}
