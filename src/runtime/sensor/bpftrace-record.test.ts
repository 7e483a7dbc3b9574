import { describe, expect, it } from 'vitest';
import { parseSensorLine } from './bpftrace-record.js';

describe('parseSensorLine', () => {
  it.each([
    ['F\t10\t10\t100\t44\tsh\t11\n', { kind: 'fork', tid: 10, pid: 10, ktime: 100n, cgroup: 44n, comm: 'sh', childTid: 11 }],
    ['Q\t11\t11\t200\t44\tid', { kind: 'exit', tid: 11, comm: 'id' }],
    ['S\t12\t12\t300\t1\tcurl\tconnect\t3\t2\t10.0.0.1\t80', { kind: 'enter', evtType: 'connect', args: ['3', '2', '10.0.0.1', '80'] }],
    ['A\t12\t12\t301\t1\tsh\t2\tid; ls', { kind: 'argv', index: 2, value: 'id; ls' }],
    ['R\t12\t12\t302\t1\tsh\topenat\t-2', { kind: 'return', evtType: 'openat', ret: -2, extra: [] }],
    [
      'X\t13\t13\t400\t44\tsh\t9\t1000\t0\t0\t4294967295\t34816\t3\t17\trunc\t/bin/sh',
      { kind: 'exec', ppid: 9, uid: 1000, euid: 0, gid: 0, loginuid: -1, tty: 34816, pppid: 3, vpid: 17, pcomm: 'runc', filename: '/bin/sh' },
    ],
  ])('parses %j', (line, expected) => {
    expect(parseSensorLine(line)).toMatchObject(expected);
  });

  it.each([[''], ['hello'], ['Z\t1\t1\t1\t1\tx'], ['F\t1\t1\tnotanumber\t1\tx\t2']])('rejects %j', (line) => {
    expect(parseSensorLine(line)).toBeUndefined();
  });
});
