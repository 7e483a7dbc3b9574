import { RampartError } from '../../core/index.js';
import type { Location } from '../../core/index.js';
import type { ContainerSpec, LintInput, Located, Mount, WorkloadSpec } from '../model.js';
import { emptyContainer } from '../model.js';
import type { SecurityOpts } from './docker-flags.js';
import { applySecurityOpt, normaliseCapability, parseMountFlag, parseVolumeFlag } from './docker-flags.js';

/** `docker run` options that take a value (so the image is the first operand after them). */
const VALUE_FLAGS = new Set([
  '-a', '--attach', '--add-host', '--annotation', '--blkio-weight', '--blkio-weight-device', '-c', '--cpu-shares', '--cap-add', '--cap-drop',
  '--cgroup-parent', '--cgroupns', '--cidfile', '--cpu-period', '--cpu-quota', '--cpu-rt-period', '--cpu-rt-runtime', '--cpus', '--cpuset-cpus',
  '--cpuset-mems', '--device', '--device-cgroup-rule', '--device-read-bps', '--device-read-iops', '--device-write-bps', '--device-write-iops',
  '--dns', '--dns-option', '--dns-search', '--domainname', '--entrypoint', '-e', '--env', '--env-file', '--expose', '--gpus', '--group-add',
  '--health-cmd', '--health-interval', '--health-retries', '--health-start-period', '--health-start-interval', '--health-timeout', '-h', '--hostname', '--ip', '--ip6',
  '--ipc', '--isolation', '--kernel-memory', '-l', '--label', '--label-file', '--link', '--link-local-ip', '--log-driver', '--log-opt',
  '--mac-address', '-m', '--memory', '--memory-reservation', '--memory-swap', '--memory-swappiness', '--mount', '--name', '--net', '--network',
  '--net-alias', '--network-alias', '--oom-score-adj', '--pid', '--pids-limit', '--platform', '-p', '--publish', '--pull', '--restart', '--runtime',
  '--security-opt', '--shm-size', '--stop-signal', '--stop-timeout', '--storage-opt', '--sysctl', '--tmpfs', '--ulimit', '-u', '--user',
  '--userns', '--uts', '-v', '--volume', '--volume-driver', '--volumes-from', '-w', '--workdir',
]);

const PREFIXES: readonly (readonly string[])[] = [['docker', 'container', 'run'], ['docker', 'run'], ['podman', 'run'], ['run']];
const ARGV_FILE = '<argv>';

export interface ArgvFlag {
  readonly name: string;
  readonly value: string;
  /** Index of the flag's first argument. */
  readonly index: number;
  /** How many arguments it spans (2 for `--user nobody`, 1 for `--user=nobody` or `-it`). */
  readonly span: number;
}

export interface SplitArgv {
  /** Length of the leading `docker run` / `docker container run` / `podman run` words. */
  readonly prefix: number;
  readonly flags: readonly ArgvFlag[];
  /** Index of the image operand; what follows it is the container's command. */
  readonly imageIndex: number;
}

/** Splits a `docker run` argv into its flags, the image and the command, the way the docker CLI does. */
export function splitDockerRunArgv(argv: readonly string[]): SplitArgv {
  const prefix = PREFIXES.find((p) => p.every((word, i) => argv[i] === word))?.length ?? 0;
  const at = (index: number): Location => ({ file: ARGV_FILE, line: 1, column: index + 1 });
  const flags: ArgvFlag[] = [];
  let imageIndex = -1;
  for (let i = prefix; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      imageIndex = i + 1;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      imageIndex = i;
      break;
    }
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      flags.push({ name: arg.slice(0, eq), value: arg.slice(eq + 1), index: i, span: 1 });
    } else if (VALUE_FLAGS.has(arg)) {
      if (i + 1 >= argv.length) throw new RampartError('USAGE', `docker run: ${arg} needs a value`, { location: at(i) });
      flags.push({ name: arg, value: argv[i + 1] ?? '', index: i, span: 2 });
      i++;
    } else if (/^-[a-zA-Z]{2,}$/.test(arg)) {
      // combined short booleans (-it, -dit); a trailing value flag takes the next argument
      const last = `-${arg.slice(-1)}`;
      for (const letter of arg.slice(1, -1)) flags.push({ name: `-${letter}`, value: 'true', index: i, span: 1 });
      if (VALUE_FLAGS.has(last)) {
        flags.push({ name: last, value: argv[i + 1] ?? '', index: i, span: 2 });
        i++;
      } else flags.push({ name: last, value: 'true', index: i, span: 1 });
    } else if (/^-[a-zA-Z].+/.test(arg) && VALUE_FLAGS.has(arg.slice(0, 2))) {
      flags.push({ name: arg.slice(0, 2), value: arg.slice(2), index: i, span: 1 });
    } else {
      flags.push({ name: arg, value: 'true', index: i, span: 1 });
    }
  }
  if (imageIndex < 0 || imageIndex >= argv.length) throw new RampartError('USAGE', 'docker run argv names no image', { location: { file: ARGV_FILE } });
  return { prefix, flags, imageIndex };
}

/** Reads a `docker run ...` argv (with or without the leading `docker run`). Locations are argument positions. */
export function readDockerRunArgv(argv: readonly string[]): LintInput {
  const at = (index: number): Location => ({ file: ARGV_FILE, line: 1, column: index + 1 });
  const split = splitDockerRunArgv(argv);
  const image = { value: argv[split.imageIndex] ?? '', location: at(split.imageIndex) };
  const workload = buildWorkload(split.flags.map((f) => ({ name: f.name, value: f.value, location: at(f.index) })), image);
  return { target: 'docker run argv', workloads: [workload], meshPolicies: [], inlineExceptions: [] };
}

export interface RunFlag {
  readonly name: string;
  readonly value: string;
  readonly location: Location;
}

const ALIASES: Readonly<Record<string, string>> = { '-u': '--user', '-v': '--volume', '-m': '--memory', '--net': '--network', '-p': '--publish', '-e': '--env' };

/** Turns parsed `docker run` flags into a one-container workload (shared with compose-like inputs). */
/** Canonical name of a `docker run` flag (`-u` → `--user`). */
export function canonicalFlag(name: string): string {
  return ALIASES[name] ?? name;
}

export function buildWorkload(flags: readonly RunFlag[], image: Located<string>, source: WorkloadSpec['source'] = 'docker-run'): WorkloadSpec {
  const location = image.location;
  let container: ContainerSpec = { ...emptyContainer('', 'container', location), image };
  const mounts: Located<Mount>[] = [];
  const capAdd: Located<string>[] = [];
  const capDrop: Located<string>[] = [];
  const devices: Located<string>[] = [];
  const sysctls: Located<{ name: string; value: string }>[] = [];
  const security: SecurityOpts = {};
  let workload: Partial<WorkloadSpec> = {};
  const resources: Record<string, Located<string> | Located<number>> = {};
  let name = '';
  let healthcheck: Located<boolean> | undefined;
  for (const flag of flags) {
    const key = ALIASES[flag.name] ?? flag.name;
    const located = <T>(value: T): Located<T> => ({ value, location: flag.location });
    const isTrue = flag.value !== 'false';
    switch (key) {
      case '--name': name = flag.value; break;
      case '--privileged': container = { ...container, privileged: located(isTrue) }; break;
      case '--read-only': container = { ...container, readOnlyRootFilesystem: located(isTrue) }; break;
      case '--user': container = { ...container, user: located(flag.value) }; break;
      case '--cap-add': capAdd.push(...flag.value.split(',').map((c) => located(normaliseCapability(c)))); break;
      case '--cap-drop': capDrop.push(...flag.value.split(',').map((c) => located(normaliseCapability(c)))); break;
      case '--security-opt': applySecurityOpt(security, flag.value, flag.location); break;
      case '--volume': mounts.push(located(parseVolumeFlag(flag.value))); break;
      case '--mount': mounts.push(located(parseMountFlag(flag.value))); break;
      case '--tmpfs': mounts.push(located({ source: '', target: flag.value.split(':')[0] ?? '', type: 'tmpfs', readOnly: false })); break;
      case '--device': devices.push(located(flag.value)); break;
      case '--sysctl': {
        const eq = flag.value.indexOf('=');
        sysctls.push(located({ name: eq < 0 ? flag.value : flag.value.slice(0, eq), value: eq < 0 ? '' : flag.value.slice(eq + 1) }));
        break;
      }
      case '--network': workload = { ...workload, hostNetwork: located(flag.value === 'host') }; break;
      case '--pid': workload = { ...workload, hostPID: located(flag.value === 'host') }; break;
      case '--ipc': workload = { ...workload, hostIPC: located(flag.value === 'host') }; break;
      case '--uts': workload = { ...workload, hostUTS: located(flag.value === 'host') }; break;
      case '--userns': workload = { ...workload, hostUsers: located(flag.value === 'host') }; break;
      case '--memory': resources['memoryLimit'] = located(flag.value); break;
      case '--memory-reservation': resources['memoryRequest'] = located(flag.value); break;
      case '--cpus': resources['cpuLimit'] = located(flag.value); break;
      case '--cpu-quota': if (resources['cpuLimit'] === undefined) resources['cpuLimit'] = located(flag.value); break;
      case '--pids-limit': resources['pidsLimit'] = located(Number(flag.value)); break;
      case '--restart': container = { ...container, restartPolicy: located(flag.value) }; break;
      case '--health-cmd': healthcheck = located(true); break;
      case '--no-healthcheck': healthcheck = located(false); break;
      default: break;
    }
  }
  container = {
    ...container,
    name,
    capAdd,
    capDrop,
    mounts,
    devices,
    resources: resources as ContainerSpec['resources'],
    ...(healthcheck === undefined ? {} : { healthcheck }),
    ...(security.noNewPrivileges === undefined ? {} : { allowPrivilegeEscalation: { value: !security.noNewPrivileges.value, location: security.noNewPrivileges.location } }),
    ...(security.seccomp === undefined ? {} : { seccomp: security.seccomp }),
    ...(security.appArmor === undefined ? {} : { appArmor: security.appArmor }),
    ...(security.seLinux === undefined ? {} : { seLinux: security.seLinux }),
  };
  return {
    source,
    kind: source === 'docker-run' ? 'run' : source,
    name: name === '' ? image.value : name,
    location,
    ...workload,
    sysctls,
    volumes: [],
    pod: {},
    annotations: [],
    containers: [container],
  };
}
