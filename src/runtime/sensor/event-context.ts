import path from 'node:path';
import type { FieldValue } from '../event.js';
import type { ContainerInfo } from '../state/container-cache.js';
import type { ProcessEntry, ProcessTable } from '../state/process-table.js';
import type { UserNames } from '../state/user-names.js';
import type { ProcReader } from '../state/proc-reader.js';

export interface ProcessFieldDeps {
  readonly table: ProcessTable;
  readonly users: UserNames;
  readonly proc: ProcReader;
}

/** `proc.*`, `thread.*`, `user.*` fields of a process, with ancestry (`proc.aname` etc. as arrays). */
export function processFields(deps: ProcessFieldDeps, entry: ProcessEntry, tid: number): Record<string, FieldValue> {
  const chain = deps.table.ancestry(entry.pid, 12);
  const parent = chain[1];
  const argv = entry.args;
  const args = argv.slice(1).join(' ');
  const userKey = entry.containerId ?? 'host';
  // The container's own /etc/passwd, through the root of the process (or of its parent when the
  // process is already gone); read once per container.
  const roots = entry.containerId === undefined ? ['/etc/passwd'] : chain.map((p) => deps.proc.rootPath(p.pid, '/etc/passwd'));
  const lookup = (uid: number): string | null => {
    if (uid < 0) return null;
    for (const passwd of roots.slice(0, 2)) {
      const name = deps.users.name(userKey, passwd, uid);
      if (name !== undefined) return name;
    }
    return null;
  };
  const userName = lookup(entry.uid);
  const loginName = lookup(entry.loginuid);
  return {
    'proc.pid': entry.pid,
    'proc.vpid': entry.vpid >= 0 ? entry.vpid : null,
    'thread.tid': tid,
    'proc.ppid': entry.ppid,
    'proc.name': entry.name,
    'proc.exe': argv[0] ?? entry.name,
    'proc.exepath': entry.exepath || null,
    'proc.args': args,
    'proc.cmdline': args === '' ? entry.name : `${entry.name} ${args}`,
    'proc.cmdnargs': Math.max(argv.length - 1, 0),
    'proc.cwd': entry.cwd === '' ? null : entry.cwd.endsWith('/') ? entry.cwd : `${entry.cwd}/`,
    'proc.tty': entry.tty,
    'proc.pname': parent?.name ?? null,
    'proc.pexepath': parent?.exepath ?? null,
    'proc.pcmdline': parent === undefined ? null : cmdline(parent),
    'proc.aname': chain.map((p) => p.name),
    'proc.apid': chain.map((p) => p.pid),
    'proc.aexepath': chain.map((p) => p.exepath),
    'proc.is_exe_upper_layer': entry.exeUpperLayer,
    'proc.pid.ts': entry.startNs === 0n ? null : entry.startNs.toString(),
    'user.uid': entry.uid,
    'user.name': userName,
    'user.loginuid': entry.loginuid,
    'user.loginname': loginName,
  };
}

function cmdline(entry: ProcessEntry): string {
  const args = entry.args.slice(1).join(' ');
  return args === '' ? entry.name : `${entry.name} ${args}`;
}

/** `container.*` fields: Falco's `host` for processes outside containers. */
export function containerFieldsFor(info: ContainerInfo | undefined): Readonly<Record<string, FieldValue>> {
  if (info === undefined) return HOST_FIELDS;
  return info.fields;
}

const HOST_FIELDS: Readonly<Record<string, FieldValue>> = {
  'container.id': 'host',
  'container.full_id': 'host',
  'container.name': 'host',
  'container.type': 'host',
};

/** Resolves a syscall path argument against a dirfd (AT_FDCWD = -100) or the cwd, like `evt.abspath`. */
export function resolvePath(entry: ProcessEntry, name: string, dirfd = -100): string {
  if (name === '' || name.startsWith('/')) return path.posix.normalize(name || '/');
  let base = entry.cwd === '' ? '/' : entry.cwd;
  if (dirfd !== -100) {
    const fd = entry.fds.get(dirfd);
    if (fd !== undefined && (fd.type === 'directory' || fd.type === 'file')) base = fd.name;
  }
  return path.posix.join(base, name);
}
