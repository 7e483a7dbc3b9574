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
