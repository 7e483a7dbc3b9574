import type { Document, YAMLMap } from 'yaml';
import { isMap, isScalar, parseDocument } from 'yaml';
import { isRootUser, normaliseCapability } from '../lint/index.js';
import { KEPT_CAPABILITIES, hardeningDefaults, isRuntimeSocket } from './hardening-defaults.js';
import { assertParsed, detectYamlStyle, getMap, getSeq, keepOriginalFormatting, scalarText, setScalar } from './yaml-style.js';

const HOST_KEYS = ['network_mode', 'pid', 'ipc', 'uts', 'userns_mode'];
const INSECURE_SECURITY_OPT = /^(seccomp[=:]unconfined|apparmor[=:]unconfined|label[=:]disable|no-new-privileges[=:]false)$/;

/** Hardens every service of a compose file in place in the YAML document; comments and order are kept. */
export function fixComposeText(text: string, file: string): { text: string; notes: string[] } {
  const doc = parseDocument(text);
  assertParsed(doc, file);
  const notes: string[] = [];
  const services = getMap(doc.contents, 'services');
  for (const pair of services?.items ?? []) {
    if (isMap(pair.value)) fixService(doc, pair.value, (t) => notes.push(`${scalarText(pair.key)}: ${t}`));
  }
  const style = detectYamlStyle(text);
  return { text: keepOriginalFormatting(text, parseDocument(text).toString(style), doc.toString(style)), notes };
}

function fixService(doc: Document, service: YAMLMap, note: (text: string) => void): void {
  if (scalarText(service.get('privileged', true)) === 'true' && service.delete('privileged')) note('removed privileged');
  for (const key of HOST_KEYS) {
    if (scalarText(service.get(key, true)) === 'host' && service.delete(key)) note(`removed ${key}: host`);
  }
  if (scalarText(service.get('read_only', true)) !== 'true' && setScalar(doc, service, 'read_only', true)) note('read_only: true (add tmpfs: [/tmp] where the process writes)');
  const user = scalarText(service.get('user', true));
  if ((user === '' || isRootUser(user)) && setScalar(doc, service, 'user', hardeningDefaults.user, true)) note(`user: "${hardeningDefaults.user}"`);
  const capDrop = getSeq(service, 'cap_drop');
  if (!(capDrop?.items ?? []).some((c) => normaliseCapability(scalarText(c)) === 'ALL')) {
    service.set(doc.createNode('cap_drop'), doc.createNode(['ALL']));
    note('cap_drop: [ALL]');
  }
  const capAdd = getSeq(service, 'cap_add');
  if (capAdd !== undefined) {
    const before = capAdd.items.length;
    capAdd.items = capAdd.items.filter((c) => KEPT_CAPABILITIES.has(normaliseCapability(scalarText(c))));
    if (capAdd.items.length === 0) service.delete('cap_add');
    if (capAdd.items.length !== before) note('cap_add: only NET_BIND_SERVICE kept');
  }
  const securityOpt = getSeq(service, 'security_opt');
  if (securityOpt !== undefined) {
    const before = securityOpt.items.length;
    securityOpt.items = securityOpt.items.filter((o) => !INSECURE_SECURITY_OPT.test(scalarText(o)));
    if (securityOpt.items.length !== before) note('security_opt: removed unconfined/disabled protections');
  }
  if (!(securityOpt?.items ?? []).some((o) => /^no-new-privileges([:=]true)?$/.test(scalarText(o)))) {
    if (securityOpt === undefined) service.set(doc.createNode('security_opt'), doc.createNode(['no-new-privileges:true']));
    else securityOpt.items.push(doc.createNode('no-new-privileges:true'));
    note('security_opt: no-new-privileges:true');
  }
  const limits = getMap(getMap(getMap(service, 'deploy'), 'resources'), 'limits');
  const limit = (serviceKey: string, deployKey: string, value: string | number): void => {
    const present = service.has(serviceKey) || (limits?.has(deployKey) ?? false);
    if (present) return;
    if (limits !== undefined) setScalar(doc, limits, deployKey, value);
    else setScalar(doc, service, serviceKey, value);
    note(`${limits === undefined ? serviceKey : `deploy.resources.limits.${deployKey}`}: ${value} (review)`);
  };
  limit('mem_limit', 'memory', hardeningDefaults.memory);
  limit('cpus', 'cpus', hardeningDefaults.cpus);
  limit('pids_limit', 'pids', hardeningDefaults.pidsLimit);
  const volumes = getSeq(service, 'volumes');
  if (volumes !== undefined) {
    volumes.items = volumes.items.filter((v) => {
      const source = isScalar(v) ? (scalarText(v).split(':')[0] ?? '') : isMap(v) ? scalarText(v.get('source', true)) : '';
      if (!isRuntimeSocket(source)) return true;
      note(`removed volume ${source}`);
      return false;
    });
    if (volumes.items.length === 0) service.delete('volumes');
  }
  if (/^(always|unless-stopped)$/.test(scalarText(service.get('restart', true))) && setScalar(doc, service, 'restart', hardeningDefaults.restart)) {
    note(`restart: ${hardeningDefaults.restart}`);
  }
}
