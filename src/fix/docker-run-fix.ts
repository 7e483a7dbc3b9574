import { canonicalFlag, isRootUser, normaliseCapability, splitDockerRunArgv } from '../lint/index.js';
import { KEPT_CAPABILITIES, hardeningDefaults, isRuntimeSocket } from './hardening-defaults.js';

export interface ArgvFix {
  readonly argv: string[];
  /** One line per change, for the user to review. */
  readonly notes: string[];
}

const HOST_MODES = new Set(['--network', '--pid', '--ipc', '--uts', '--userns']);
const INSECURE_SECURITY_OPT = /^(seccomp[=:]unconfined|apparmor[=:]unconfined|label[=:]disable|no-new-privileges[=:]false)$/;

/** Rewrites a `docker run` argv with the seed lockdown: drops insecure flags, adds the missing hardening ones. */
export function hardenDockerRunArgv(argv: readonly string[]): ArgvFix {
  const split = splitDockerRunArgv(argv);
  const notes: string[] = [];
  const kept: string[] = [...argv.slice(0, split.prefix)];
  const seen = new Set<string>();
  for (const flag of split.flags) {
    const name = canonicalFlag(flag.name);
    const tokens = argv.slice(flag.index, flag.index + flag.span);
    // combined short flags (-it) share one argument: keep it once
    if (flag.span === 1 && kept.length > 0 && kept[kept.length - 1] === tokens[0] && /^-[a-zA-Z]{2,}$/.test(tokens[0] ?? '')) continue;
    const drop = dropReason(name, flag.value);
    if (drop !== undefined) {
      notes.push(`removed ${tokens.join(' ')}: ${drop}`);
      continue;
    }
    if (name === '--user' && isRootUser(flag.value)) {
      notes.push(`replaced ${tokens.join(' ')} with --user ${hardeningDefaults.user}`);
      continue;
    }
    if (name === '--restart' && /^(always|unless-stopped)$/.test(flag.value)) {
      notes.push(`replaced ${tokens.join(' ')} with --restart ${hardeningDefaults.restart}`);
      kept.push('--restart', hardeningDefaults.restart);
      seen.add(name);
      continue;
    }
    if (name === '--cap-add') {
      const caps = flag.value.split(',').filter((c) => KEPT_CAPABILITIES.has(normaliseCapability(c)));
      if (caps.length === 0) {
        notes.push(`removed ${tokens.join(' ')}: only NET_BIND_SERVICE may be added back`);
        continue;
      }
      kept.push('--cap-add', caps.join(','));
      continue;
    }
    if (name === '--cap-drop') {
      seen.add(flag.value.split(',').some((c) => normaliseCapability(c) === 'ALL') ? '--cap-drop=ALL' : '--cap-drop');
    }
    if (name === '--security-opt' && /^no-new-privileges(:true|=true)?$/.test(flag.value)) seen.add('no-new-privileges');
    if (name === '--read-only' && flag.value !== 'false') seen.add(name);
    seen.add(name);
    kept.push(...tokens);
  }
  const added: string[] = [];
  const add = (...tokens: string[]): void => {
    added.push(...tokens);
    notes.push(`added ${tokens.join(' ')}`);
  };
  if (!seen.has('--read-only')) {
    add('--read-only');
    if (!seen.has('--tmpfs')) add('--tmpfs', hardeningDefaults.tmpfs);
  }
  if (!seen.has('--cap-drop=ALL')) add('--cap-drop=ALL');
  if (!seen.has('--user')) add('--user', hardeningDefaults.user);
  if (!seen.has('no-new-privileges')) add('--security-opt', 'no-new-privileges');
  if (!seen.has('--memory')) add('--memory', hardeningDefaults.memory);
  if (!seen.has('--cpus') && !seen.has('--cpu-quota')) add('--cpus', hardeningDefaults.cpus);
  if (!seen.has('--pids-limit')) add('--pids-limit', String(hardeningDefaults.pidsLimit));
  if (added.some((t) => t === '--memory' || t === '--cpus' || t === '--pids-limit')) notes.push('review the added limits: they are starting points, size them for the workload');
  return { argv: [...kept, ...added, ...argv.slice(split.imageIndex)], notes };
}

function dropReason(name: string, value: string): string | undefined {
  if (name === '--privileged' && value !== 'false') return 'privileged containers disable isolation';
  if (HOST_MODES.has(name) && value === 'host') return `shares the host's ${name.slice(2)} namespace`;
  if (name === '--security-opt' && INSECURE_SECURITY_OPT.test(value)) return 'disables a kernel protection';
  if (name === '--read-only' && value === 'false') return 'writable root filesystem';
  if (name === '--volume' || name === '--mount') {
    const source = name === '--volume' ? (value.split(':')[0] ?? '') : (/(?:^|,)(?:source|src)=([^,]*)/.exec(value)?.[1] ?? '');
    if (isRuntimeSocket(source)) return 'the container runtime socket is root on the host';
  }
  return undefined;
}

/** Quotes an argv for a POSIX shell. */
export function shellJoin(argv: readonly string[]): string {
  return argv.map((arg) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}
