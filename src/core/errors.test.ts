import { describe, expect, it } from 'vitest';
import { errorCodes } from './error-codes.js';
import { RampartError, isRampartError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { formatLocation } from './location.js';

describe('RampartError', () => {
  it('carries a typed code, a cause and a location', () => {
    const cause = new Error('gunzip: unexpected end of file');
    const error = new RampartError('BAD_ARCHIVE', 'layer truncated', {
      cause,
      location: { file: 'img.tar', layer: 'sha256:0123456789abcdef0123', path: '/etc/passwd' },
    });
    expect(error.code).toBe('BAD_ARCHIVE');
    expect(error.cause).toBe(cause);
    expect(error.exitCode).toBe(ExitCode.badInput);
    expect(isRampartError(error, 'BAD_ARCHIVE')).toBe(true);
    expect(isRampartError(error, 'USAGE')).toBe(false);
    expect(isRampartError(new Error('x'))).toBe(false);
  });
  it('maps every code to an exit code of the DESIGN table', () => {
    const allowed = new Set<number>(Object.values(ExitCode));
    for (const [code, exit] of Object.entries(errorCodes)) {
      expect(allowed.has(exit), code).toBe(true);
    }
    expect(new RampartError('INCOMPLETE', 'x').exitCode).toBe(3);
    expect(new RampartError('INTERNAL', 'x').exitCode).toBe(70);
  });
});

describe('formatLocation', () => {
  it.each([
    [{ file: 'Dockerfile', line: 3, column: 1 }, 'Dockerfile:3:1'],
    [{ file: 'a.yaml', line: 7 }, 'a.yaml:7'],
    [{ path: '/etc/shadow', layer: 'sha256:aaaaaaaaaaaabbbb' }, '/etc/shadow@sha256:aaaaaaaaaaaa'],
    [{ layer: 'sha256:aaaaaaaaaaaabbbb' }, 'layer sha256:aaaaaaaaaaaa'],
  ])('renders %j', (location, expected) => {
    expect(formatLocation(location)).toBe(expected);
  });
});
