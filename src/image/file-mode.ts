import type { EntryKind } from './image-types.js';

const typeChar: Readonly<Record<EntryKind, string>> = { file: '-', dir: 'd', symlink: 'l', hardlink: 'h', whiteout: 'w', opaque: 'o', other: '?' };

/** `ls -l` style mode (`-rwsr-xr-x`), with `h` for hardlinks. */
export function formatMode(kind: EntryKind, mode: number): string {
  const bits = ['r', 'w', 'x'];
  let out = typeChar[kind];
  for (let who = 2; who >= 0; who--) {
    for (let b = 2; b >= 0; b--) {
      const set = (mode >> (who * 3 + b)) & 1;
      out += set ? (bits[2 - b] as string) : '-';
    }
  }
  const chars = out.split('');
  const special = (index: number, flag: number, upper: string, lower: string): void => {
    if ((mode & flag) !== 0) chars[index] = chars[index] === 'x' ? lower : upper;
  };
  special(3, 0o4000, 'S', 's');
  special(6, 0o2000, 'S', 's');
  special(9, 0o1000, 'T', 't');
  return chars.join('');
}
