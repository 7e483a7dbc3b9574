import { expect, it } from 'vitest';
import { readExceptionsFile } from './exceptions-file.js';

const entry = (body: string): string => `exceptions:\n  - ${body.split('\n').join('\n    ')}`;

// Refusal texts are built from zod's issue path and message: they must read exactly so.
it.each([
  ['no list', 'foo: 1', 'ex.yaml: expected a top-level "exceptions:" list'],
  ['blank reason', entry('check: a\nreason: "  "'), 'ex.yaml: exception reason: reason is required'],
  ['empty check', entry('check: ""\nreason: r'), 'ex.yaml: exception check: Too small: expected string to have >=1 characters'],
  ['missing check', entry('reason: r'), 'ex.yaml: exception check: Invalid input: expected string, received undefined'],
  ['numeric expires', entry('check: a\nreason: r\nexpires: 5'), 'ex.yaml: exception expires: Invalid input'],
  ['numeric file', entry('check: a\nreason: r\nfile: 3'), 'ex.yaml: exception file: Invalid input: expected string, received number'],
  ['not a mapping', 'exceptions:\n  - 7', 'ex.yaml: exception : Invalid input: expected object, received number'],
])('refuses an exceptions file with %s', (_label, text, message) => {
  expect(() => readExceptionsFile(text, 'ex.yaml')).toThrow(expect.objectContaining({ code: 'BAD_CONFIG', message }) as Error);
});

it('reads an entry, trimming its reason and keeping a YAML date as a day', () => {
  const [read] = readExceptionsFile(entry('check: a\nreason: "  why  "\nexpires: 2026-12-31\nfile: f\nworkload: w'), 'ex.yaml');
  expect(read).toMatchObject({ checkId: 'a', reason: 'why', expires: '2026-12-31', file: 'f', workload: 'w' });
});
