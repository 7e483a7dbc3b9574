import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUserNames, parsePasswd } from './user-names.js';

describe('user names', () => {
  it('parses passwd, first entry per uid wins, comments skipped', () => {
    const users = parsePasswd('# c\nroot:x:0:0::/root:/bin/sh\ntoor:x:0:0::/:/bin/sh\nnobody:x:65534:65534::/:/bin/false\nbroken\n');
    expect([...users]).toEqual([
      [0, 'root'],
      [65534, 'nobody'],
    ]);
  });

  it('reads each root once and answers undefined for unknown uids', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-passwd-'));
    const file = path.join(dir, 'passwd');
    writeFileSync(file, 'app:x:1000:1000::/:/bin/sh\n');
    const names = createUserNames();
    expect(names.name('c1', file, 1000)).toBe('app');
    writeFileSync(file, 'other:x:1000:1000::/:/bin/sh\n');
    expect(names.name('c1', file, 1000)).toBe('app');
    expect(names.name('c1', file, 5)).toBeUndefined();
    names.forget('c1');
    expect(names.name('c1', file, 1000)).toBe('other');
    expect(names.name('c2', path.join(dir, 'missing'), 0)).toBeUndefined();
  });
});
