import type { ProcReader, ProcSnapshot } from './proc-reader.js';

/** One open file descriptor: a path, or a socket with its tuple. */
export type FdInfo =
  | { readonly type: 'file'; readonly name: string; readonly flags: number }
  | { readonly type: 'directory'; readonly name: string }
  | { readonly type: 'memfd'; readonly name: string }
  | {
      readonly type: 'ipv4' | 'ipv6' | 'unix';
      readonly name: string;
      readonly role: 'client' | 'server' | 'bound';
      readonly rip?: string | undefined;
      readonly rport?: number | undefined;
      readonly lip?: string | undefined;
      readonly lport?: number | undefined;
    };

/** A process as the sensor knows it. Mutable on purpose: the table updates it in place. */
export interface ProcessEntry {
  pid: number;
  /** pid in its own pid namespace (1 = a container's init). */
  vpid: number;
  ppid: number;
  name: string;
  exepath: string;
  args: string[];
  cwd: string;
  uid: number;
  loginuid: number;
  tty: number;
  /** 64-hex container id, or undefined on the host. */
  containerId: string | undefined;
  /** Epoch nanoseconds of the fork/exec we saw, or 0 when seeded from /proc. */
  startNs: bigint;
  /** Whether the current executable was a file in the container's writable layer at exec. */
  exeUpperLayer: boolean;
  /** euid gained over ruid at the last exec (setuid/setgid file). */
  exeSetuid: boolean;
  readonly fds: Map<number, FdInfo>;
}

export interface ProcessTable {
  /** The entry for `pid`, read from /proc when not yet known (undefined if gone). */
  get(pid: number): ProcessEntry | undefined;
  /** Known entry only (no /proc read). */
  peek(pid: number): ProcessEntry | undefined;
  fork(parentPid: number, childPid: number, startNs: bigint): ProcessEntry;
  exec(pid: number, update: Partial<Omit<ProcessEntry, 'fds' | 'pid'>>): ProcessEntry;
  exit(pid: number): void;
  /** Records a process only known by name (a parent that exited before we could read it). */
  stub(pid: number, ppid: number, name: string): ProcessEntry;
  /** Ancestors from the process itself (index 0) upwards, at most `depth` entries. */
  ancestry(pid: number, depth?: number): ProcessEntry[];
  readonly size: number;
}

export interface ProcessTableOptions {
  readonly proc: ProcReader;
  /** Seed from every pid in /proc at start (default true). */
  readonly seed?: boolean;
  /** Upper bound of entries; the oldest-inserted are evicted beyond it (default 65536). */
  readonly maxEntries?: number;
}

export function createProcessTable(options: ProcessTableOptions): ProcessTable {
  const entries = new Map<number, ProcessEntry>();
  const maxEntries = options.maxEntries ?? 65_536;
  const put = (entry: ProcessEntry): ProcessEntry => {
    entries.delete(entry.pid);
    entries.set(entry.pid, entry);
    if (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    return entry;
  };
  const fromSnapshot = (snap: ProcSnapshot): ProcessEntry => ({
    pid: snap.pid,
    vpid: snap.vpid ?? snap.pid,
    ppid: snap.ppid ?? 0,
    name: snap.comm ?? '',
    exepath: snap.exepath ?? '',
    args: [...(snap.args ?? [])],
    cwd: snap.cwd ?? '',
    uid: snap.uid ?? -1,
    loginuid: snap.loginuid ?? -1,
    tty: snap.tty ?? 0,
    containerId: snap.containerId,
    startNs: 0n,
    exeUpperLayer: false,
    exeSetuid: false,
    fds: new Map(),
  });
  if (options.seed ?? true) {
    for (const pid of options.proc.listPids()) {
      const snap = options.proc.read(pid);
      if (snap !== undefined) put(fromSnapshot(snap));
    }
  }
  const table: ProcessTable = {
    get(pid) {
      const known = entries.get(pid);
      if (known !== undefined) return known;
      if (pid <= 0) return undefined;
      const snap = options.proc.read(pid);
      return snap === undefined ? undefined : put(fromSnapshot(snap));
    },
    peek: (pid) => entries.get(pid),
    fork(parentPid, childPid, startNs) {
      const parent = table.get(parentPid);
      const child: ProcessEntry = parent
        ? { ...parent, pid: childPid, vpid: -1, ppid: parentPid, args: [...parent.args], startNs, fds: new Map(parent.fds) }
        : { ...fromSnapshot(options.proc.read(childPid) ?? { pid: childPid }), ppid: parentPid, startNs };
      return put(child);
    },
    exec(pid, update) {
      const entry = table.get(pid) ?? put(fromSnapshot({ pid }));
      Object.assign(entry, update);
      // close-on-exec is not tracked per fd; keep the table (sockets and files usually survive).
      return entry;
    },
    stub(pid, ppid, name) {
      return put({ ...fromSnapshot({ pid, ppid, comm: name }), vpid: -1 });
    },
    exit(pid) {
      entries.delete(pid);
    },
    ancestry(pid, depth = 16) {
      const chain: ProcessEntry[] = [];
      let current = table.get(pid);
      const seen = new Set<number>();
      while (current !== undefined && chain.length < depth && !seen.has(current.pid)) {
        chain.push(current);
        seen.add(current.pid);
        if (current.ppid <= 0) break;
        current = table.get(current.ppid);
      }
      return chain;
    },
    get size() {
      return entries.size;
    },
  };
  return table;
}
