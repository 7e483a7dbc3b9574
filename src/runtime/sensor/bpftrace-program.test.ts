import { describe, expect, it } from 'vitest';
import { generateProgram } from './bpftrace-program.js';
import { syscallProbes } from './syscall-probes.js';

const everything = new Set(syscallProbes.map((p) => p.tracepoint));

describe('generateProgram', () => {
  it('traces sched fork/exec/exit and only the syscalls asked for', () => {
    const program = generateProgram({ eventTypes: new Set(['connect', 'execve']), availableTracepoints: everything });
    expect(program.traced).toEqual(['execve', 'connect']);
    expect(program.source).toContain('tracepoint:sched:sched_process_fork');
    expect(program.source).toContain('tracepoint:sched:sched_process_exec');
    expect(program.source).toContain('tracepoint:sched:sched_process_exit');
    expect(program.source).toContain('tracepoint:syscalls:sys_enter_connect');
    expect(program.source).toContain('tracepoint:syscalls:sys_exit_execve');
    expect(program.source).not.toContain('sys_enter_openat');
  });

  it('reports event types whose tracepoint the kernel lacks', () => {
    const available = new Set([...everything].filter((t) => t !== 'finit_module'));
    const program = generateProgram({ eventTypes: new Set(['finit_module', 'kill']), availableTracepoints: available });
    expect(program.traced).toEqual(['kill']);
    expect(program.untraceable).toEqual(['finit_module']);
  });

  it.each([
    ['/(cgroup == 44 || cgroup == 45)/', { cgroupIds: [44n, 45n] }],
    ['/cgroup != 1/', { excludeCgroupIds: [1n] }],
    ['/(cgroup == 7) && cgroup != 1/', { cgroupIds: [7n], excludeCgroupIds: [1n] }],
  ])('guards every probe with %s', (guard, filter) => {
    const program = generateProgram({ eventTypes: new Set(['openat']), availableTracepoints: everything, ...filter });
    const probes = program.source.split('\n').filter((l) => l.startsWith('tracepoint:'));
    expect(probes).toHaveLength(5);
    for (const line of probes) expect(line).toContain(guard);
  });

  it('maps umount2 to the kernel tracepoint name umount and stops argv at the first NULL', () => {
    const program = generateProgram({ eventTypes: new Set(['umount2', 'execve']), availableTracepoints: everything });
    expect(program.source).toContain('sys_enter_umount {');
    expect(program.source).toMatch(/if \(args->argv\[0\] != 0\) \{ @records = count\(\); printf[^}]*if \(args->argv\[1\] != 0\)/);
  });

  it('counts every printed record in the kernel and prints the count at END (exact drop accounting)', () => {
    const program = generateProgram({ eventTypes: new Set(['connect']), availableTracepoints: everything });
    const printfs = program.source.match(/printf\("/g)?.length ?? 0;
    const counts = program.source.match(/@records = count\(\); printf\("/g)?.length ?? 0;
    expect(counts).toBe(printfs - 1); // all but BEGIN's READY marker
    expect(program.source).toMatch(/END \{\n {2}print\(@records\);/);
  });
});
