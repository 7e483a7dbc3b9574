import { expect, it } from 'vitest';
import { parseOsvRecord } from './osv-record.js';

const location = { file: 'x.json' };

// Refusal texts are built from zod's issue path and message: they must read exactly so.
it.each([
  ['null', null, '(root): Invalid input: expected object, received null'],
  ['an array', [], '(root): Invalid input: expected object, received array'],
  ['no id', {}, 'id: Invalid input: expected string, received undefined'],
  ['an empty id', { id: '', modified: 'm' }, 'id: Too small: expected string to have >=1 characters'],
  ['a numeric modified', { id: 'i', modified: 5 }, 'modified: Invalid input: expected string, received number'],
  ['a numeric fixed event', { id: 'i', modified: 'm', affected: [{ ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: 1 }] }] }] }, 'affected.0.ranges.0.events.1.fixed: Invalid input: expected string, received number'],
  ['a severity without score', { id: 'i', modified: 'm', affected: [{ severity: [{ type: 'CVSS_V3' }] }] }, 'affected.0.severity.0.score: Invalid input: expected string, received undefined'],
  ['a list as database_specific', { id: 'i', modified: 'm', database_specific: [] }, 'database_specific: Invalid input: expected record, received array'],
])('refuses %s', (_label, value, where) => {
  expect(() => parseOsvRecord(value, location)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: `not an OSV record at ${where}` }) as Error);
});

it('keeps fields it does not read, and accepts null where OSV allows it', () => {
  const record = { id: 'i', modified: 'm', aliases: null, x: { y: 1 }, affected: [{ package: { ecosystem: 'npm', name: 'p', extra: 1 }, versions: ['1'] }] };
  expect(parseOsvRecord(record, location)).toEqual(record);
});
