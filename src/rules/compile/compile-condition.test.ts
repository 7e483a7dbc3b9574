import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { parseCondition } from '../condition/parse-condition.js';
import { createFieldRegistry } from '../fields/field-registry.js';
import { compileCondition, compileGenerated, findSharedSubconditions } from './compile-condition.js';
import type { EventRecord } from './event-record.js';

const registry = createFieldRegistry();
const closure = (c: string) => compileCondition(parseCondition(c), registry);
const generated = (c: string) => {
  const ast = parseCondition(c);
  return compileGenerated(ast, registry, { shared: findSharedSubconditions([ast]), compiled: new Map(), clock: { gen: 0 } });
};

const ev: EventRecord = {
  'evt.type': 'openat', 'proc.name': 'bash', 'proc.aname': ['bash', 'sshd', 'systemd'], 'proc.pid': 42, 'fd.name': '/etc/shadow',
  'fd.sip': '10.1.2.3', 'fd.cip': '192.168.0.9', 'user.uid': 0, 'evt.is_open_read': true, 'proc.cmdline': 'bash -c "curl x"',
  'container.id': 'host', 'container.label': { app: 'web' }, 'evt.arg.flags': 'O_RDONLY|O_CLOEXEC', 'proc.args': '-n -t 5 x',
};

const cases: [string, boolean][] = [
  // unextractable field (proc.tty absent) is false for every operator, negation makes it true
  ['proc.tty = 0', false], ['proc.tty != 0', false], ['not proc.tty != 0', true], ['proc.tty exists', false], ['proc.exepath in (a, b)', false],
  ['proc.name = bash', true], ['proc.name != bash', false], ['proc.name in (sh, bash)', true], ['proc.name in ()', false],
  ['proc.name icontains BAS', true], ['proc.name startswith ba', true], ['proc.name endswith sh', true], ['proc.name contains x', false],
  ['fd.name glob /etc/*', true], ['fd.name glob /etc/s?adow', true], ['fd.name glob /etc/[!s]*', false], ['fd.name iglob /ETC/*', true],
  ['fd.name pmatch (/etc)', true], ['fd.name pmatch (/et)', false], ['fd.name regex "/etc/sh.*"', true], ['fd.name regex "etc"', false],
  ['proc.aname = sshd', true], ['proc.aname = bash', false], ['proc.aname[0] = bash', true], ['proc.aname[2] = systemd', true], ['proc.aname[3] = x', false],
  ['proc.pname = sshd', true], ['proc.pid > 40', true], ['proc.pid <= 41', false], ['proc.pid in (1, 42)', true], ['user.uid = 0x0', true],
  ['fd.sip = 10.1.2.3', true], ['fd.sip = 10.0.0.0/8', true], ['fd.net = 192.168.0.0/16', true], ['fd.snet = 192.168.0.0/16', false],
  ['evt.is_open_read = true', true], ['evt.arg.flags contains O_CLOEXEC', true], ['evt.arg[flags] contains O_RDONLY', true],
  ['container.label[app] = web', true], ['container.id = host', true], ['proc.name bstartswith 6261', true], ['proc.name bcontains 7368', true],
  ['tolower(proc.name) = bash', true], ['toupper(proc.name) = BASH', true], ['basename(fd.name) = shadow', true], ['len(proc.name) = 4', true],
  ['proc.name = val(proc.aname[0])', true], ['proc.name = val(proc.pname)', false], ['join("-", (proc.name, proc.pid)) = bash-42', true],
  ['proc.name startswith oneof (x, ba)', true], ['proc.name contains allof (b, h)', true], ['proc.name contains allof (b, z)', false],
  ['getopt(proc.args, "nt:")[t] = 5', true], ['b64(fd.name) exists', false], ['b64(proc.name) exists', true],
];

describe.each([['closures', closure], ['generated code', generated]])('condition semantics (%s)', (_label, compile) => {
  it.each(cases)('%s → %s', (condition, expected) => {
    expect(compile(condition)(ev)).toBe(expected);
  });
});

it('rejects non-RE2 regex constructs at compile time', () => {
  expect(() => closure('fd.name regex "(a)\\\\1"')).toThrow();
});

describeWithTestdata('libsinsp pmatch vectors (filter_op_pmatch.json)', (root) => {
  // The C++ test opens "/opt/dir/subdir/file.txt" before each filter_run (filter_op_pmatch.ut.cpp).
  const vectors = (JSON.parse(readFileSync(path.join(root, 'falco', 'libs-vectors', 'filter_op_pmatch.json'), 'utf8')) as {
    vectors: { assert: string; args: [unknown, string] }[];
  }).vectors;
  it('agrees on every vector', () => {
    const event = { 'evt.type': 'open', 'fd.name': '/opt/dir/subdir/file.txt' };
    const wrong = vectors.filter((v) => closure(v.args[1])(event) !== (v.assert === 'TRUE')).map((v) => v.args[1]);
    console.log(`pmatch vectors: ${vectors.length - wrong.length}/${vectors.length} pass`);
    expect(wrong).toEqual([]);
  });
});
