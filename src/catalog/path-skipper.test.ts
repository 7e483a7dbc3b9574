import { describe, expect, it } from 'vitest';
import { collectSkipPatterns, createPathSkipper } from './path-skipper.js';

// Trivy's documented --skip-files / --skip-dirs forms (docs: configuration/skipping), in-image paths.
const imageCases: { name: string; files?: string[]; dirs?: string[]; path: string; skipped: boolean }[] = [
  { name: 'an absolute file pattern', files: ['/Gemfile.lock'], path: '/Gemfile.lock', skipped: true },
  { name: 'an absolute file pattern, another file', files: ['/Gemfile.lock'], path: '/app/Gemfile.lock', skipped: false },
  { name: '** matches at any depth', files: ['**/foo'], path: '/a/b/c/foo', skipped: true },
  { name: '** matches at the root too', files: ['**/foo'], path: '/foo', skipped: true },
  { name: '** does not match a longer name', files: ['**/foo'], path: '/a/foobar', skipped: false },
  { name: '* stays within one segment', files: ['./testdata/*/bar'], path: '/testdata/x/bar', skipped: true },
  { name: '* does not cross a /', files: ['./testdata/*/bar'], path: '/testdata/x/y/bar', skipped: false },
  { name: '? is one character', files: ['/etc/?.conf'], path: '/etc/a.conf', skipped: true },
  { name: 'dot files are matched by *', files: ['/home/*'], path: '/home/.bashrc', skipped: true },
  { name: 'a skip-dir skips the files below it', dirs: ['/var/lib/gems/2.5.0/gems/x'], path: '/var/lib/gems/2.5.0/gems/x/lib/a.gemspec', skipped: true },
  { name: 'a skip-dir is a directory, not a prefix of a name', dirs: ['/var/lib/gems/2.5.0/gems/x'], path: '/var/lib/gems/2.5.0/gems/xy/a.gemspec', skipped: false },
  { name: 'a skip-dir leaves its sibling alone', dirs: ['/usr/lib/a'], path: '/usr/lib/b/file', skipped: false },
  { name: 'a skip-dir does not skip a file of that name', dirs: ['/usr/lib/a'], path: '/usr/lib/a', skipped: false },
  { name: 'any ancestor directory matching is enough', dirs: ['**/node_modules'], path: '/app/node_modules/x/node_modules/y/package.json', skipped: true },
  { name: 'a skip-dir glob', dirs: ['usr/*/python3*'], path: '/usr/lib/python3.11/site-packages/x/METADATA', skipped: true },
  { name: 'a trailing / on a dir pattern', dirs: ['/opt/app/'], path: '/opt/app/go.mod', skipped: true },
];

describe('createPathSkipper on image paths', () => {
  it.each(imageCases)('$name', ({ files, dirs, path, skipped }) => {
    const skipper = createPathSkipper({ ...(files ? { skipFiles: files } : {}), ...(dirs ? { skipDirs: dirs } : {}) });
    expect(skipper?.skips(path)).toBe(skipped);
  });

  it('is undefined without patterns, and keyed by the normalised patterns', () => {
    expect(createPathSkipper({})).toBeUndefined();
    expect(createPathSkipper({ skipFiles: [], skipDirs: [] })).toBeUndefined();
    const a = createPathSkipper({ skipFiles: ['/a', 'b'] });
    expect(a?.key).toBe(createPathSkipper({ skipFiles: ['b', './a'] })?.key);
    expect(a?.key).not.toBe(createPathSkipper({ skipDirs: ['/a', 'b'] })?.key);
  });
});

// dir: targets, root /work/proj: relative patterns from the folder, or from the working directory into it.
const dirCases: { name: string; cwd: string; files?: string[]; dirs?: string[]; path: string; skipped: boolean }[] = [
  { name: 'relative to the folder (cwd outside it)', cwd: '/elsewhere', files: ['sub/go.mod'], path: '/sub/go.mod', skipped: true },
  { name: 'relative to the cwd, inside the folder', cwd: '/work', files: ['proj/sub/go.mod'], path: '/sub/go.mod', skipped: true },
  { name: 'cwd-relative dir inside the folder', cwd: '/work', dirs: ['proj/sub2'], path: '/sub2/go.mod', skipped: true },
  { name: 'cwd-relative dir, its sibling kept', cwd: '/work', dirs: ['proj/sub2'], path: '/sub/go.mod', skipped: false },
  { name: 'cwd inside the folder', cwd: '/work/proj/sub', files: ['go.mod'], path: '/sub/go.mod', skipped: true },
  { name: 'cwd inside the folder, not the root file', cwd: '/work/proj/sub', files: ['go.mod'], path: '/go.mod', skipped: false },
  { name: 'absolute, inside the folder', cwd: '/elsewhere', files: ['/work/proj/sub/go.mod'], path: '/sub/go.mod', skipped: true },
  { name: 'absolute, outside the folder: ../ matches nothing', cwd: '/work/proj', files: ['/other/go.mod'], path: '/go.mod', skipped: false },
  { name: 'relative with .. out of the folder: taken as is, matches nothing', cwd: '/work/proj', files: ['../go.mod'], path: '/go.mod', skipped: false },
  { name: 'a glob from the cwd into the folder', cwd: '/work', files: ['proj/**/*.lock'], path: '/a/b/yarn.lock', skipped: true },
  { name: '** from the folder itself', cwd: '/work/proj', files: ['**/foo'], path: '/x/foo', skipped: true },
  { name: './testdata/*/bar from the folder', cwd: '/work/proj', files: ['./testdata/*/bar'], path: '/testdata/x/bar', skipped: true },
  { name: 'a relative glob outside the cwd is taken from the folder', cwd: '/elsewhere', dirs: ['./testdata/*'], path: '/testdata/x/bar', skipped: true },
];

describe('createPathSkipper on dir: targets', () => {
  it.each(dirCases)('$name', ({ cwd, files, dirs, path, skipped }) => {
    const skipper = createPathSkipper({ ...(files ? { skipFiles: files } : {}), ...(dirs ? { skipDirs: dirs } : {}) }, { root: '/work/proj', cwd });
    expect(skipper?.skips(path)).toBe(skipped);
  });
});

describe('collectSkipPatterns', () => {
  it.each([
    { values: ['a'], want: ['a'] },
    { values: ['a,b', 'c'], want: ['a', 'b', 'c'] },
    { values: [' a , ,b'], want: ['a', 'b'] },
  ])('$values', ({ values, want }) => {
    let acc: string[] | undefined;
    for (const v of values) acc = collectSkipPatterns(v, acc);
    expect(acc).toEqual(want);
  });
});
