import os from 'node:os';

/** Renders numeric syscall arguments the way libsinsp prints them (flag names, errno names). */

const OPEN_FLAGS: readonly (readonly [number, string])[] = [
  [0o100, 'O_CREAT'],
  [0o200, 'O_EXCL'],
  [0o400, 'O_NOCTTY'],
  [0o1000, 'O_TRUNC'],
  [0o2000, 'O_APPEND'],
  [0o4000, 'O_NONBLOCK'],
  [0o10000, 'O_DSYNC'],
  [0o40000, 'O_DIRECT'],
  [0o100000, 'O_LARGEFILE'],
  [0o200000, 'O_DIRECTORY'],
  [0o400000, 'O_NOFOLLOW'],
  [0o2000000, 'O_CLOEXEC'],
  [0o4010000, 'O_SYNC'],
  [0o20200000, 'O_TMPFILE'],
];

export function openFlagNames(flags: number): string {
  const access = flags & 3;
  const names = [access === 0 ? 'O_RDONLY' : access === 1 ? 'O_WRONLY' : 'O_RDWR'];
  for (const [bit, name] of OPEN_FLAGS) if ((flags & bit) === bit) names.push(name);
  return names.join('|');
}

export const isOpenWrite = (flags: number): boolean => (flags & 3) !== 0;
export const isOpenRead = (flags: number): boolean => (flags & 3) === 0 || (flags & 3) === 2;
export const isOpenCreate = (flags: number): boolean => (flags & 0o100) !== 0;

const CLONE_FLAGS: readonly (readonly [number, string])[] = [
  [0x00000100, 'CLONE_VM'],
  [0x00000200, 'CLONE_FS'],
  [0x00000400, 'CLONE_FILES'],
  [0x00020000, 'CLONE_NEWNS'],
  [0x02000000, 'CLONE_NEWCGROUP'],
  [0x04000000, 'CLONE_NEWUTS'],
  [0x08000000, 'CLONE_NEWIPC'],
  [0x10000000, 'CLONE_NEWUSER'],
  [0x20000000, 'CLONE_NEWPID'],
  [0x40000000, 'CLONE_NEWNET'],
  [0x00000080, 'CLONE_NEWTIME'],
];

export function cloneFlagNames(flags: number): string {
  const names = CLONE_FLAGS.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
  return names.length === 0 ? '0' : names.join('|');
}

const PTRACE_REQUESTS: Readonly<Record<number, string>> = {
  0: 'PTRACE_TRACEME',
  1: 'PTRACE_PEEKTEXT',
  2: 'PTRACE_PEEKDATA',
  3: 'PTRACE_PEEKUSR',
  4: 'PTRACE_POKETEXT',
  5: 'PTRACE_POKEDATA',
  6: 'PTRACE_POKEUSR',
  7: 'PTRACE_CONT',
  8: 'PTRACE_KILL',
  9: 'PTRACE_SINGLESTEP',
  12: 'PTRACE_GETREGS',
  13: 'PTRACE_SETREGS',
  16: 'PTRACE_ATTACH',
  17: 'PTRACE_DETACH',
  24: 'PTRACE_SYSCALL',
  0x4200: 'PTRACE_SETOPTIONS',
  0x4206: 'PTRACE_SEIZE',
  0x4207: 'PTRACE_INTERRUPT',
};

export const ptraceRequestName = (request: number): string => PTRACE_REQUESTS[request] ?? String(request);

const CAPS = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL', 'CAP_SETGID',
  'CAP_SETUID', 'CAP_SETPCAP', 'CAP_LINUX_IMMUTABLE', 'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_ADMIN',
  'CAP_NET_RAW', 'CAP_IPC_LOCK', 'CAP_IPC_OWNER', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_CHROOT',
  'CAP_SYS_PTRACE', 'CAP_SYS_PACCT', 'CAP_SYS_ADMIN', 'CAP_SYS_BOOT', 'CAP_SYS_NICE', 'CAP_SYS_RESOURCE',
  'CAP_SYS_TIME', 'CAP_SYS_TTY_CONFIG', 'CAP_MKNOD', 'CAP_LEASE', 'CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL',
  'CAP_SETFCAP',
] as const;

/** Names of the capabilities set in the low 32 bits (the sensor reads the first cap data word). */
export function capabilityNames(mask: number): string {
  return CAPS.filter((_, bit) => ((mask >>> bit) & 1) === 1).join(' ');
}

const ERRNO_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(os.constants.errno).map(([name, value]) => [value, name] as const),
);

/** `SUCCESS` for ret >= 0, else the errno name (`ENOENT`), as libsinsp's `evt.res`. */
export function resultName(ret: number): string {
  if (ret >= 0) return 'SUCCESS';
  return ERRNO_NAMES.get(-ret) ?? `E${String(-ret)}`;
}

const SIGNAL_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(os.constants.signals).map(([name, value]) => [value, name] as const),
);

export const signalName = (sig: number): string => SIGNAL_NAMES.get(sig) ?? String(sig);
