import { readFileSync, readlinkSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What `/proc/PID` tells about a live process (fields it could not read are absent). */
export interface ProcSnapshot {
  readonly pid: number;
  readonly ppid?: number;
  readonly comm?: string;
  readonly args?: readonly string[];
  readonly exepath?: string;
  readonly cwd?: string;
  readonly uid?: number;
  readonly loginuid?: number;
  readonly tty?: number;
  /** pid inside the process's pid namespace (last `NSpid` value). */
  readonly vpid?: number;
  /** Container id (64 hex) from `/proc/PID/cgroup`, or undefined for host processes. */
  readonly containerId?: string;
}

/** Reads `/proc` (a root can be given for tests). Synchronous: small files, used on the event path. */
export interface ProcReader {
  read(pid: number): ProcSnapshot | undefined;
  /** pid inside its namespace and cwd only (cheaper than `read`, used at every exec). */
  readVpidCwd(pid: number): { vpid?: number; cwd?: string };
  listPids(): number[];
  /** Path of a file inside the process's root (`/proc/PID/root/...`). */
  rootPath(pid: number, file: string): string;
  /** cgroup v2 id (inode of the cgroup directory) of a container's cgroup, when it exists. */
  containerCgroupId(containerId: string): bigint | undefined;
}

const CONTAINER_ID = /(?:docker|containerd|crio|libpod|kubepods)[^\n]*?([0-9a-f]{64})/;

export function createProcReader(procRoot = '/proc', cgroupV2Root = '/sys/fs/cgroup/unified'): ProcReader {
  const file = (pid: number, name: string): string => path.join(procRoot, String(pid), name);
  const text = (pid: number, name: string): string | undefined => {
    try {
      return readFileSync(file(pid, name), 'utf8');
    } catch {
      return undefined; // the process is gone or hides it: the field stays unknown
    }
  };
  const link = (pid: number, name: string): string | undefined => {
    try {
      return readlinkSync(file(pid, name));
    } catch {
      return undefined; // same: unknown field
    }
  };
  return {
    read(pid) {
      const stat = text(pid, 'stat');
      if (stat === undefined) return undefined;
      const snapshot: { -readonly [K in keyof ProcSnapshot]: ProcSnapshot[K] } = { pid };
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      if (open >= 0 && close > open) {
        snapshot.comm = stat.slice(open + 1, close);
        const fields = stat.slice(close + 2).split(' ');
        snapshot.ppid = Number(fields[1]);
        snapshot.tty = Number(fields[4]);
      }
      const cmdline = text(pid, 'cmdline');
      if (cmdline !== undefined && cmdline !== '') snapshot.args = cmdline.replace(/\0$/, '').split('\0');
      const exe = link(pid, 'exe');
      if (exe !== undefined) snapshot.exepath = exe.replace(/ \(deleted\)$/, '');
      const cwd = link(pid, 'cwd');
      if (cwd !== undefined) snapshot.cwd = cwd;
      const status = text(pid, 'status');
      const uidLine = status?.match(/^Uid:\s+(\d+)\s+(\d+)/m);
      if (uidLine?.[2] !== undefined) snapshot.uid = Number(uidLine[2]);
      const nspid = status?.match(/^NSpid:\s+([\d\s]+)$/m)?.[1]?.trim().split(/\s+/);
      if (nspid !== undefined) snapshot.vpid = Number(nspid[nspid.length - 1]);
      const loginuid = text(pid, 'loginuid');
      if (loginuid !== undefined) {
        const value = Number(loginuid.trim());
        snapshot.loginuid = value > 0x7fffffff ? value - 0x100000000 : value;
      }
      const cgroup = text(pid, 'cgroup');
      const id = cgroup?.match(CONTAINER_ID)?.[1];
      if (id !== undefined) snapshot.containerId = id;
      return snapshot;
    },
    readVpidCwd(pid) {
      const out: { vpid?: number; cwd?: string } = {};
      const nspid = text(pid, 'status')?.match(/^NSpid:\s+([\d\s]+)$/m)?.[1]?.trim().split(/\s+/);
      if (nspid !== undefined) out.vpid = Number(nspid[nspid.length - 1]);
      const cwd = link(pid, 'cwd');
      if (cwd !== undefined) out.cwd = cwd;
      return out;
    },
    listPids() {
      try {
        return readdirSync(procRoot)
          .filter((n) => /^\d+$/.test(n))
          .map(Number);
      } catch {
        return [];
      }
    },
    rootPath(pid, inner) {
      return path.join(procRoot, String(pid), 'root', inner);
    },
    containerCgroupId(containerId) {
      for (const parent of ['docker', 'system.slice']) {
        const name = parent === 'docker' ? containerId : `docker-${containerId}.scope`;
        try {
          return BigInt(statSync(path.join(cgroupV2Root, parent, name)).ino);
        } catch {
          // not this layout; try the next
        }
      }
      return undefined;
    },
  };
}
