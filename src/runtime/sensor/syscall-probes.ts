/**
 * The syscalls the bpftrace sensor can trace, keyed by the Falco `evt.type` a rule names, with the
 * tracepoint(s) that carry it and how the enter side prints its arguments.
 *
 * Each enter probe prints one `S` line: `S <tid> <pid> <nsecs> <cgroup> <comm> <evt.type> <args...>`
 * (tab separated, argument order as in `argNames`), and the matching exit prints
 * `R <tid> <pid> <nsecs> <cgroup> <comm> <evt.type> <ret> [extra...]`. The state machine pairs them by tid.
 */
export interface SyscallProbe {
  /** Falco event type (`evt.type`). */
  readonly evtType: string;
  /** Tracepoint base name under `syscalls:` (without `sys_enter_`/`sys_exit_`). */
  readonly tracepoint: string;
  /** Names of the printed enter arguments, in order (become `evt.arg.<name>`). */
  readonly argNames: readonly string[];
  /** bpftrace body of the enter probe (uses `$h`/`$H`: the common header format and values). */
  readonly enterBody: string;
  /** bpftrace body of the exit probe, when it needs more than the return value. */
  readonly exitBody?: string;
}

/** Maximum argv elements printed per exec (the rest is read from /proc when still there). */
export const MAX_ARGV = 16;

const HEAD_FMT = '%d\\t%d\\t%llu\\t%llu\\t%s';
const HEAD_ARGS = 'tid, pid, nsecs, cgroup, comm';

/** printf of an `S` line with the given argument formats and expressions. */
function enter(evtType: string, formats: readonly string[], exprs: readonly string[]): string {
  const fmt = formats.length === 0 ? '' : `\\t${formats.join('\\t')}`;
  const args = exprs.length === 0 ? '' : `, ${exprs.join(', ')}`;
  return `printf("S\\t${HEAD_FMT}\\t${evtType}${fmt}\\n", ${HEAD_ARGS}${args});`;
}

/**
 * Prints a sockaddr at `ptr` (user memory) after the leading fields: family, then address and
 * port (AF_INET/AF_INET6) or path (AF_UNIX). `kind`/`lead` are the line kind and leading fields.
 */
export function sockaddrPrint(kind: 'S' | 'R', evtType: string, ptr: string, leadFmt: string, leadExprs: string): string {
  const head = `${kind}\\t${HEAD_FMT}\\t${evtType}\\t${leadFmt}`;
  // `$sa` is an integer: pointer arithmetic on `struct sockaddr *` would scale by its size.
  const sa = '$sa';
  const port = `((*(uint8 *)(${sa} + 2)) << 8) | (*(uint8 *)(${sa} + 3))`;
  return [
    `$sa = (uint64)(${ptr});`,
    `$fam = *(uint16 *)(${sa});`,
    `if ($fam == 2) { printf("${head}\\t2\\t%s\\t%d\\n", ${HEAD_ARGS}, ${leadExprs}, ntop(2, *(uint32 *)(${sa} + 4)), ${port}); }`,
    `else if ($fam == 10) { printf("${head}\\t10\\t%s\\t%d\\n", ${HEAD_ARGS}, ${leadExprs}, ntop(10, ((struct sockaddr_in6 *)(${sa}))->sin6_addr.in6_u.u6_addr8), ${port}); }`,
    `else if ($fam == 1) { printf("${head}\\t1\\t%s\\t0\\n", ${HEAD_ARGS}, ${leadExprs}, str(${sa} + 2, 108)); }`,
    `else { printf("${head}\\t%d\\t\\t0\\n", ${HEAD_ARGS}, ${leadExprs}, $fam); }`,
  ].join('\n  ');
}

const SOCK_ARGS = ['family', 'addr', 'port'] as const;

/** The probe table: one row per traced tracepoint. */
export const syscallProbes: readonly SyscallProbe[] = [
  { evtType: 'execve', tracepoint: 'execve', argNames: ['filename'], enterBody: `${enter('execve', ['%s'], ['str(args->filename, 200)'])}\n  ${argvPrints('args->argv')}` },
  { evtType: 'execveat', tracepoint: 'execveat', argNames: ['dirfd', 'filename'], enterBody: `${enter('execveat', ['%d', '%s'], ['args->fd', 'str(args->filename, 200)'])}\n  ${argvPrints('args->argv')}` },
  { evtType: 'open', tracepoint: 'open', argNames: ['name', 'flags', 'mode'], enterBody: enter('open', ['%s', '%d', '%d'], ['str(args->filename, 200)', 'args->flags', 'args->mode']) },
  { evtType: 'openat', tracepoint: 'openat', argNames: ['dirfd', 'name', 'flags', 'mode'], enterBody: enter('openat', ['%d', '%s', '%d', '%d'], ['args->dfd', 'str(args->filename, 200)', 'args->flags', 'args->mode']) },
  { evtType: 'openat2', tracepoint: 'openat2', argNames: ['dirfd', 'name', 'flags', 'mode'], enterBody: enter('openat2', ['%d', '%s', '%d', '%d'], ['args->dfd', 'str(args->filename, 200)', 'args->how->flags', 'args->how->mode']) },
  { evtType: 'connect', tracepoint: 'connect', argNames: ['fd', ...SOCK_ARGS], enterBody: sockaddrPrint('S', 'connect', 'args->uservaddr', '%d', 'args->fd') },
  { evtType: 'bind', tracepoint: 'bind', argNames: ['fd', ...SOCK_ARGS], enterBody: sockaddrPrint('S', 'bind', 'args->umyaddr', '%d', 'args->fd') },
  { evtType: 'listen', tracepoint: 'listen', argNames: ['fd', 'backlog'], enterBody: enter('listen', ['%d', '%d'], ['args->fd', 'args->backlog']) },
  ...(['accept', 'accept4'] as const).map((tp) => ({
    evtType: tp === 'accept' ? 'accept' : 'accept4',
    tracepoint: tp,
    argNames: ['fd'],
    enterBody: `@acc[tid] = (uint64)args->upeer_sockaddr;\n  ${enter(tp, ['%d'], ['args->fd'])}`,
    exitBody: [
      '$p = @acc[tid]; delete(@acc[tid]);',
      `if (args->ret >= 0 && $p != 0) { ${sockaddrPrint('R', tp, '$p', '%d', 'args->ret')} }`,
      `else { printf("R\\t${HEAD_FMT}\\t${tp}\\t%d\\n", ${HEAD_ARGS}, args->ret); }`,
    ].join('\n  '),
  })),
  { evtType: 'setuid', tracepoint: 'setuid', argNames: ['uid'], enterBody: enter('setuid', ['%d'], ['(int32)args->uid']) },
  { evtType: 'setgid', tracepoint: 'setgid', argNames: ['gid'], enterBody: enter('setgid', ['%d'], ['(int32)args->gid']) },
  { evtType: 'setresuid', tracepoint: 'setresuid', argNames: ['ruid', 'euid', 'suid'], enterBody: enter('setresuid', ['%d', '%d', '%d'], ['(int32)args->ruid', '(int32)args->euid', '(int32)args->suid']) },
  { evtType: 'setresgid', tracepoint: 'setresgid', argNames: ['rgid', 'egid', 'sgid'], enterBody: enter('setresgid', ['%d', '%d', '%d'], ['(int32)args->rgid', '(int32)args->egid', '(int32)args->sgid']) },
  { evtType: 'capset', tracepoint: 'capset', argNames: ['cap_effective', 'cap_permitted', 'cap_inheritable'], enterBody: enter('capset', ['%u', '%u', '%u'], ['*(uint32 *)(args->data)', '*(uint32 *)(args->data + 4)', '*(uint32 *)(args->data + 8)']) },
  { evtType: 'ptrace', tracepoint: 'ptrace', argNames: ['request', 'pid'], enterBody: enter('ptrace', ['%d', '%d'], ['args->request', 'args->pid']) },
  { evtType: 'mount', tracepoint: 'mount', argNames: ['dev', 'dir', 'type', 'flags'], enterBody: enter('mount', ['%s', '%s', '%s', '%lu'], ['str(args->dev_name, 128)', 'str(args->dir_name, 128)', 'str(args->type, 32)', 'args->flags']) },
  { evtType: 'umount2', tracepoint: 'umount', argNames: ['name', 'flags'], enterBody: enter('umount2', ['%s', '%d'], ['str(args->name, 200)', 'args->flags']) },
  { evtType: 'unshare', tracepoint: 'unshare', argNames: ['flags'], enterBody: enter('unshare', ['%lu'], ['args->unshare_flags']) },
  { evtType: 'setns', tracepoint: 'setns', argNames: ['fd', 'nstype'], enterBody: enter('setns', ['%d', '%d'], ['args->fd', 'args->flags']) },
  { evtType: 'memfd_create', tracepoint: 'memfd_create', argNames: ['name', 'flags'], enterBody: enter('memfd_create', ['%s', '%u'], ['str(args->uname, 200)', 'args->flags']) },
  { evtType: 'chmod', tracepoint: 'chmod', argNames: ['filename', 'mode'], enterBody: enter('chmod', ['%s', '%u'], ['str(args->filename, 200)', 'args->mode']) },
  { evtType: 'fchmodat', tracepoint: 'fchmodat', argNames: ['dirfd', 'filename', 'mode'], enterBody: enter('fchmodat', ['%d', '%s', '%u'], ['args->dfd', 'str(args->filename, 200)', 'args->mode']) },
  { evtType: 'unlinkat', tracepoint: 'unlinkat', argNames: ['dirfd', 'name', 'flags'], enterBody: enter('unlinkat', ['%d', '%s', '%d'], ['args->dfd', 'str(args->pathname, 200)', 'args->flag']) },
  { evtType: 'renameat2', tracepoint: 'renameat2', argNames: ['olddirfd', 'oldpath', 'newdirfd', 'newpath', 'flags'], enterBody: enter('renameat2', ['%d', '%s', '%d', '%s', '%u'], ['args->olddfd', 'str(args->oldname, 160)', 'args->newdfd', 'str(args->newname, 160)', 'args->flags']) },
  { evtType: 'init_module', tracepoint: 'init_module', argNames: ['uargs'], enterBody: enter('init_module', ['%s'], ['str(args->uargs, 128)']) },
  { evtType: 'finit_module', tracepoint: 'finit_module', argNames: ['fd', 'uargs', 'flags'], enterBody: enter('finit_module', ['%d', '%s', '%d'], ['args->fd', 'str(args->uargs, 128)', 'args->flags']) },
  { evtType: 'kill', tracepoint: 'kill', argNames: ['pid', 'sig'], enterBody: enter('kill', ['%d', '%d'], ['args->pid', 'args->sig']) },
];

/** Nested ifs: stop at the first NULL pointer (reading past it yields the environment). */
function argvPrints(argv: string): string {
  let body = '';
  for (let i = MAX_ARGV - 1; i >= 0; i--) {
    const print = `printf("A\\t${HEAD_FMT}\\t${i}\\t%s\\n", ${HEAD_ARGS}, str(${argv}[${i}], 128));`;
    body = `if (${argv}[${i}] != 0) { ${print} ${body} }`;
  }
  return body;
}

/** Event types the sensor can produce (for the "which rules are blind" report). */
export const traceableEventTypes: ReadonlySet<string> = new Set(syscallProbes.map((p) => p.evtType));

export const headerFormat = { format: HEAD_FMT, args: HEAD_ARGS } as const;
