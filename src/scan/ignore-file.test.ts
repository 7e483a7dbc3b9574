import { describe, expect, it } from 'vitest';
import { readIgnoreFile } from './ignore-file.js';

describe('readIgnoreFile', () => {
  it.each([
    ['a list', '- id: CVE-1\n  reason: " accepted "\n', [{ id: 'CVE-1', reason: 'accepted', location: { file: 'x.yaml', path: 'ignore[0]' } }]],
    ['an ignore key and a YAML date', 'ignore:\n  - id: CVE-1\n    package: musl\n    reason: r\n    expires: 2026-01-02\n', [{ id: 'CVE-1', package: 'musl', reason: 'r', expires: '2026-01-02', location: { file: 'x.yaml', path: 'ignore[0]' } }]],
    ['nothing', '', []],
  ])('reads %s', (_label, text, expected) => {
    expect(readIgnoreFile(text, 'x.yaml')).toEqual(expected);
  });

  it.each([
    ['a blank reason', '- id: CVE-1\n  reason: "  "\n', 'x.yaml: entry 1: reason reason is required'],
    ['no reason', '- id: CVE-1\n', 'x.yaml: entry 1: reason Invalid input: expected string, received undefined'],
    ['an impossible date', '- id: CVE-1\n  reason: r\n  expires: "2026-02-40"\n', 'x.yaml: entry 1: expires expires must be a date YYYY-MM-DD'],
    ['an unknown key', '- id: CVE-1\n  reason: r\n  until: x\n', 'x.yaml: entry 1: Unrecognized key: "until"'],
    ['an empty id', '- id: ""\n  reason: r\n', 'x.yaml: entry 1: id Too small: expected string to have >=1 characters'],
    ['neither a list nor {ignore}', 'ignore: 3\n', 'x.yaml: expected a list of entries or {ignore: [...]}'],
  ])('refuses %s as BAD_INPUT, with zod English message', (_label, text, message) => {
    expect(() => readIgnoreFile(text, 'x.yaml')).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message }) as Error);
  });
});
