import { expect, it } from 'vitest';
import { parseRuleTestFixture } from './run-rule-tests.js';

// A refused line's reason lists zod's issues (path: message); it must read exactly so.
it.each([
  ['{"event":{"a":1},"expect":["r"],"name":"n"}', { ok: true, line: 1, testCase: { name: 'n', event: { a: 1 }, expect: ['r'] } }],
  ['{"name":3,"event":[],"expect":"x"}', { ok: false, line: 1, reason: 'name: Invalid input: expected string, received number; event: Invalid input: expected record, received array; expect: Invalid input: expected array, received string' }],
  ['{}', { ok: false, line: 1, reason: 'event: Invalid input: expected record, received undefined; expect: Invalid input: expected array, received undefined' }],
  ['null', { ok: false, line: 1, reason: ': Invalid input: expected object, received null' }],
  ['{"event":null,"expect":[1]}', { ok: false, line: 1, reason: 'event: Invalid input: expected record, received null; expect.0: Invalid input: expected string, received number' }],
])('parses the fixture line %s', (line, want) => {
  expect(parseRuleTestFixture(line)).toEqual([want]);
});
