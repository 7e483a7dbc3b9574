/**
 * The values `rampart fix` writes where a setting is missing. Limits are starting points the
 * user should size for the workload; the fixer says so in its notes.
 */
export const hardeningDefaults = {
  user: '65534:65534',
  uid: 65534,
  memory: '512m',
  kubernetesMemory: '512Mi',
  cpus: '1',
  pidsLimit: 256,
  restart: 'on-failure:5',
  tmpfs: '/tmp:rw,noexec,nosuid,size=64m',
} as const;

/** Capabilities a fix keeps when it drops ALL: only binding low ports is broadly harmless. */
export const KEPT_CAPABILITIES: ReadonlySet<string> = new Set(['NET_BIND_SERVICE']);

/** Host paths of container runtime sockets, removed by every fixer. */
export function isRuntimeSocket(path: string): boolean {
  return /^\/(var\/)?run(\/docker\.sock|\/containerd\/containerd\.sock|\/crio\/crio\.sock)?\/?$/.test(path);
}
