import { expect, it } from 'vitest';
import { decodeEntry } from './entry-codec.js';

const alert = { v: 1, kind: 'alert', action: 'alert', time: '2026-01-01T00:00:00Z', raw: '', source: 'rampart', rule: 'r', priority: 'p', output: 'o' };

// The refusal carries zod's error message (its issues as JSON): it must read exactly so.
it.each([
  [{ ...alert, v: 2 }, '[\n  {\n    "code": "invalid_value",\n    "values": [\n      1\n    ],\n    "path": [\n      "v"\n    ],\n    "message": "Invalid input: expected 1"\n  }\n]'],
  [{ ...alert, timeNano: '12a' }, '[\n  {\n    "origin": "string",\n    "code": "invalid_format",\n    "format": "regex",\n    "pattern": "/^[0-9]+$/",\n    "path": [\n      "timeNano"\n    ],\n    "message": "Invalid string: must match pattern /^[0-9]+$/"\n  }\n]'],
])('refuses stored data that does not match its schema (%j)', (entry, issues) => {
  expect(() => decodeEntry(JSON.stringify(entry), 4)).toThrow(expect.objectContaining({ code: 'DB_CORRUPT', message: `trail entry 4 does not match its schema: ${issues}` }) as Error);
});
