import type { SyscallProbe } from './syscall-probes.js';
import { headerFormat, syscallProbes } from './syscall-probes.js';

export interface ProgramOptions {
  /** Falco event types to trace (`execve`, `openat`, ...). Unknown names are ignored by the caller. */
  readonly eventTypes: ReadonlySet<string>;
  /** Tracepoints present on this kernel (`syscalls:sys_enter_*` base names); absent ones are skipped. */
  readonly availableTracepoints: ReadonlySet<string>;
  /** Trace only these cgroup v2 ids (the `cgroup` builtin); empty/undefined = every cgroup. */
  readonly cgroupIds?: readonly bigint[];
  /** Skip the root cgroup (host processes outside any container cgroup). */
  readonly excludeCgroupIds?: readonly bigint[];
}

export interface GeneratedProgram {
  readonly source: string;
  /** Event types traced. */
  readonly traced: readonly string[];
  /** Event types asked for that this kernel cannot trace (no tracepoint). */
  readonly untraceable: readonly string[];
}

const H = headerFormat;

/**
 * Generates the bpftrace program: the process lifecycle from `sched` tracepoints (always), and the
 * enter/exit tracepoints of the syscalls asked for, each guarded by the cgroup predicate.
 */
export function generateProgram(options: ProgramOptions): GeneratedProgram {
  const predicate = cgroupPredicate(options);
  const guard = predicate === '' ? '' : ` /${predicate}/`;
  // BEGIN runs once every probe is attached: its marker line is the sensor's "ready".
  const blocks: string[] = [
    'BEGIN {\n  printf("READY\\n");\n}',
    `tracepoint:sched:sched_process_fork${guard} {\n  printf("F\\t${H.format}\\t%d\\n", ${H.args}, args->child_pid);\n}`,
    `tracepoint:sched:sched_process_exec${guard} {\n  $t = curtask;\n  $tty = $t->signal->tty;\n` +
      `  // pid in the task's own namespace: struct pid's flexible numbers[] array starts at its end.
  $tp = (struct pid *)$t->thread_pid;\n  $vpid = *(int32 *)((uint64)$tp + sizeof(struct pid) + (uint64)$tp->level * 16);\n  $ttynr = $tty != 0 ? ((((struct tty_driver *)$tty->driver)->major << 8) | ((((struct tty_driver *)$tty->driver)->minor_start + $tty->index) & 0xff)) : 0;\n` +
      `  printf("X\\t${H.format}\\t%d\\t%u\\t%u\\t%u\\t%u\\t%d\\t%d\\t%d\\t%s\\t%s\\n", ${H.args}, $t->real_parent->tgid, $t->cred->uid.val, $t->cred->euid.val, $t->cred->gid.val, $t->loginuid.val, $ttynr, $t->real_parent->real_parent->tgid, $vpid, $t->real_parent->comm, str(args->filename, 200));\n}`,
    `tracepoint:sched:sched_process_exit${guard} {\n  if (args->group_dead) { printf("Q\\t${H.format}\\n", ${H.args}); }\n}`,
  ];
  const traced: string[] = [];
  const untraceable: string[] = [];
  for (const probe of syscallProbes) {
    if (!options.eventTypes.has(probe.evtType)) continue;
    if (!options.availableTracepoints.has(probe.tracepoint)) {
      untraceable.push(probe.evtType);
      continue;
    }
    traced.push(probe.evtType);
    blocks.push(probeBlocks(probe, guard));
  }
  // Every record printed is also counted in the kernel (`@records`, a per-CPU count): END prints
  // the total, so records lost anywhere between the kernel and us (reported or not, or still in
  // the ring buffer at stop) are known exactly: sent - received.
  const counted = blocks.join('\n').replace(/printf\("(?!READY)/g, '@records = count(); printf("');
  return { source: `${counted}\nEND {\n  print(@records);\n}\n`, traced, untraceable };
}

function probeBlocks(probe: SyscallProbe, guard: string): string {
  const exitBody =
    probe.exitBody ?? `printf("R\\t${H.format}\\t${probe.evtType}\\t%d\\n", ${H.args}, args->ret);`;
  return [
    `tracepoint:syscalls:sys_enter_${probe.tracepoint}${guard} {\n  ${probe.enterBody}\n}`,
    `tracepoint:syscalls:sys_exit_${probe.tracepoint}${guard} {\n  ${exitBody}\n}`,
  ].join('\n');
}

function cgroupPredicate(options: ProgramOptions): string {
  const parts: string[] = [];
  if (options.cgroupIds !== undefined && options.cgroupIds.length > 0) {
    parts.push(`(${options.cgroupIds.map((id) => `cgroup == ${id.toString()}`).join(' || ')})`);
  }
  for (const id of options.excludeCgroupIds ?? []) parts.push(`cgroup != ${id.toString()}`);
  return parts.join(' && ');
}
