import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'dist', 'cli', 'bin.js');

// `npm test` builds before running the unit tests, so the real binary is exercised here.
describe.runIf(existsSync(bin))('the built rampart binary', () => {
  it('answers --help and --version', () => {
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toContain('Usage: rampart');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('exits 2 on nonsense', () => {
    const result = spawnSync(process.execPath, [bin, 'nonsense'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });
});
