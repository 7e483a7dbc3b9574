import { expect, it } from 'vitest';
import { convertDebianTracker } from './debian-tracker.js';

const location = { file: 'tracker.json' };
const tracker = (entry: unknown): unknown => ({ openssl: { 'CVE-1': entry } });

// Refusal texts are built from zod's issue message: they must read exactly so.
it.each([
  ['a non-empty list of releases', { releases: [1] }, 'Invalid input: expected record, received array'],
  ['a string as releases', { releases: 'x' }, 'Invalid input: expected record, received string'],
  ['a release without status', { releases: { bookworm: {} } }, 'Invalid input: expected string, received undefined'],
  ['a numeric description', { releases: {}, description: 5 }, 'Invalid input: expected string, received number'],
])('refuses an entry with %s', (_label, entry, message) => {
  expect(() => convertDebianTracker(tracker(entry), 'M', location)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: `Debian tracker entry openssl/CVE-1: ${message}` }) as Error);
});

it('reads an empty list of releases as no release', () => {
  expect(convertDebianTracker(tracker({ releases: [] }), 'M', location)).toEqual([]);
});
