import { expect, it } from 'vitest';
import { createFieldRegistry } from '../fields/field-registry.js';
import { compileOutput } from './format-output.js';

const registry = createFieldRegistry();

it.each([
  ['user=%user.name cmd=%proc.cmdline', { 'user.name': 'root', 'proc.cmdline': 'sh -c id' }, 'user=root cmd=sh -c id'],
  ['missing=%fd.name', {}, 'missing=<NA>'],
  ['anc=%proc.aname[2] ancs=%proc.aname', { 'proc.aname': ['sh', 'bash', 'sshd'] }, 'anc=sshd ancs=bash,sshd'],
  ['flags=%evt.arg.flags t=%evt.time', { 'evt.arg.flags': 'O_RDONLY', 'evt.time': '1732835000123456789' }, 'flags=O_RDONLY t=23:03:20.123456789'],
  ['(%proc.name)', { 'proc.name': 'x' }, '(x)'],
])('renders %s', (template, event, expected) => {
  expect(compileOutput(template, registry).render(event)).toBe(expected);
});

it('rejects unknown fields', () => {
  expect(() => compileOutput('x=%proc.nme', registry)).toThrow(/invalid formatting token %proc\.nme/);
});

it.each([
  [{ 'fd.sip': '10.1.2.3', 'fd.rip': '2001:db8:0:0:0:0:0:1' }, 'sip=10.1.2.3 rip=2001:db8::1'],
  [{ 'fd.sip': '::ffff:1.2.3.4', 'fd.rip': '0:0:0:0:0:0:0:0' }, 'sip=::ffff:1.2.3.4 rip=::'],
])('renders address fields as text, in the line and in the JSON values (%j)', (event, expected) => {
  const output = compileOutput('sip=%fd.sip rip=%fd.rip', registry);
  expect(output.render(event)).toBe(expected);
  const values = output.values(event);
  expect(() => JSON.stringify(values)).not.toThrow();
  expect(`sip=${String(values['fd.sip'])} rip=${String(values['fd.rip'])}`).toBe(expected);
});
