/** One line printed by the generated bpftrace program (see `syscall-probes.ts`), parsed. */
export interface RecordHead {
  readonly tid: number;
  readonly pid: number;
  /** Kernel monotonic nanoseconds (`nsecs`). */
  readonly ktime: bigint;
  /** cgroup v2 id (`cgroup` builtin). */
  readonly cgroup: bigint;
  readonly comm: string;
}

export type SensorRecord =
  | (RecordHead & { readonly kind: 'fork'; readonly childTid: number })
  | (RecordHead & {
      readonly kind: 'exec';
      readonly ppid: number;
      readonly uid: number;
      readonly euid: number;
      readonly gid: number;
      readonly loginuid: number;
      readonly tty: number;
      /** The parent's parent pid and the parent's comm, for ancestry of parents already gone. */
      readonly pppid: number;
      /** pid inside the task's pid namespace (1 = a container's init). */
      readonly vpid: number;
      readonly pcomm: string;
      readonly filename: string;
    })
  | (RecordHead & { readonly kind: 'exit' })
  | (RecordHead & { readonly kind: 'enter'; readonly evtType: string; readonly args: readonly string[] })
  | (RecordHead & { readonly kind: 'argv'; readonly index: number; readonly value: string })
  | (RecordHead & { readonly kind: 'return'; readonly evtType: string; readonly ret: number; readonly extra: readonly string[] });

const KINDS = { F: 'fork', X: 'exec', Q: 'exit', S: 'enter', A: 'argv', R: 'return' } as const;

/** Parses one printf line; undefined when the line is not one of ours (never throws). */
export function parseSensorLine(line: string): SensorRecord | undefined {
  const text = line.endsWith('\n') ? line.slice(0, -1) : line;
  const parts = text.split('\t');
  const kindChar = parts[0];
  if (kindChar === undefined || !(kindChar in KINDS) || parts.length < 6) return undefined;
  const kind = KINDS[kindChar as keyof typeof KINDS];
  let ktime: bigint;
  let cgroup: bigint;
  try {
    ktime = BigInt(parts[3] ?? '');
    cgroup = BigInt(parts[4] ?? '');
  } catch {
    return undefined; // not a line of ours: the caller counts it as malformed
  }
  const head: RecordHead = { tid: Number(parts[1]), pid: Number(parts[2]), ktime, cgroup, comm: parts[5] ?? '' };
  const rest = parts.slice(6);
  switch (kind) {
    case 'fork':
      return { ...head, kind, childTid: Number(rest[0]) };
    case 'exec':
      return {
        ...head,
        kind,
        ppid: Number(rest[0]),
        uid: Number(rest[1]),
        euid: Number(rest[2]),
        gid: Number(rest[3]),
        loginuid: toSigned32(Number(rest[4])),
        tty: Number(rest[5]),
        pppid: Number(rest[6]),
        vpid: Number(rest[7]),
        pcomm: rest[8] ?? '',
        filename: rest.slice(9).join('\t'),
      };
    case 'exit':
      return { ...head, kind };
    case 'enter':
      return { ...head, kind, evtType: rest[0] ?? '', args: rest.slice(1) };
    case 'argv':
      return { ...head, kind, index: Number(rest[0]), value: rest.slice(1).join('\t') };
    case 'return':
      return { ...head, kind, evtType: rest[0] ?? '', ret: Number(rest[1]), extra: rest.slice(2) };
  }
}

/** loginuid is unsigned in the kernel; Falco shows "unset" (4294967295) as -1. */
export function toSigned32(value: number): number {
  return value > 0x7fffffff ? value - 0x100000000 : value;
}
