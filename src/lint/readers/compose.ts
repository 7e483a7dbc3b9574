import { RampartError } from '../../core/index.js';
import type { WorkloadSpec } from '../model.js';
import type { YamlView } from '../yaml-view.js';
import { parseYaml } from '../yaml-view.js';
import type { RunFlag } from './docker-run.js';
import { buildWorkload } from './docker-run.js';

/** compose keys that map one-to-one onto a `docker run` flag taking the key's scalar value. */
const SCALAR_FLAGS: Readonly<Record<string, string>> = {
  user: '--user',
  privileged: '--privileged',
  read_only: '--read-only',
  network_mode: '--network',
  pid: '--pid',
  ipc: '--ipc',
  uts: '--uts',
  userns_mode: '--userns',
  mem_limit: '--memory',
  mem_reservation: '--memory-reservation',
  cpus: '--cpus',
  cpu_quota: '--cpu-quota',
  pids_limit: '--pids-limit',
  restart: '--restart',
};
const LIST_FLAGS: Readonly<Record<string, string>> = { cap_add: '--cap-add', cap_drop: '--cap-drop', security_opt: '--security-opt', devices: '--device', tmpfs: '--tmpfs' };

/** Reads every service of a compose file (spec v2/v3 and the Compose Specification). */
export function readCompose(text: string, file: string): WorkloadSpec[] {
  const view = parseYaml(text, file).views[0];
  if (view === undefined || view.doc.contents === null) return [];
  const services = view.get(view.doc.contents, 'services');
  if (services === undefined) throw new RampartError('BAD_INPUT', `${file}: no services: section`, { location: { file, line: 1 } });
  return view.entries(services).map(([name, node, keyLocation]) => readService(view, name, node, keyLocation));
}

function readService(view: YamlView, name: string, node: unknown, keyLocation: RunFlag['location']): WorkloadSpec {
  const flags: RunFlag[] = [{ name: '--name', value: name, location: keyLocation }];
  const push = (flag: string, valueNode: unknown): void => {
    const value = view.str(valueNode);
    if (value !== undefined) flags.push({ name: flag, value: value.value, location: value.location });
  };
  for (const [key, valueNode] of view.entries(node)) {
    const scalarFlag = SCALAR_FLAGS[key];
    if (scalarFlag !== undefined) push(scalarFlag, valueNode);
    const listFlag = LIST_FLAGS[key];
    if (listFlag !== undefined) {
      const items = view.items(valueNode);
      if (items.length === 0) push(listFlag, valueNode);
      for (const item of items) push(listFlag, item);
    }
  }
  for (const volume of view.items(view.get(node, 'volumes'))) {
    const short = view.str(volume);
    if (short !== undefined) {
      flags.push({ name: '--volume', value: short.value, location: short.location });
      continue;
    }
    const type = view.str(view.get(volume, 'type'))?.value ?? 'volume';
    const source = view.str(view.get(volume, 'source'))?.value ?? '';
    const target = view.str(view.get(volume, 'target'))?.value ?? '';
    const readOnly = view.bool(view.get(volume, 'read_only'))?.value === true;
    flags.push({ name: '--mount', value: `type=${type},source=${source},target=${target}${readOnly ? ',readonly' : ''}`, location: view.locate(volume) });
  }
  const sysctls = view.get(node, 'sysctls');
  for (const [key, valueNode, location] of view.entries(sysctls)) flags.push({ name: '--sysctl', value: `${key}=${view.str(valueNode)?.value ?? ''}`, location });
  for (const item of view.items(sysctls)) push('--sysctl', item);
  const limits = view.path(node, 'deploy', 'resources', 'limits');
  push('--memory', view.get(limits, 'memory'));
  push('--cpus', view.get(limits, 'cpus'));
  push('--pids-limit', view.get(limits, 'pids'));
  push('--memory-reservation', view.path(node, 'deploy', 'resources', 'reservations', 'memory'));
  const healthcheck = view.get(node, 'healthcheck');
  if (healthcheck !== undefined) {
    const disabled = view.bool(view.get(healthcheck, 'disable'))?.value === true || view.items(view.get(healthcheck, 'test')).some((t) => view.str(t)?.value === 'NONE');
    flags.push({ name: disabled ? '--no-healthcheck' : '--health-cmd', value: 'true', location: view.locate(healthcheck) });
  }
  const image = view.str(view.get(node, 'image')) ?? { value: view.get(node, 'build') === undefined ? '' : `(built: ${name})`, location: keyLocation };
  return { ...buildWorkload(flags, image, 'compose'), kind: 'service', name, location: keyLocation };
}
