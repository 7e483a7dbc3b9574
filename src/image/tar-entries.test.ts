import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTarEntries, TarFormatError } from './tar-entries.js';
import type { TarEntryHeader, TarPosition } from './tar-entries.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'rampart-tar-entries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const longDir = `d${'x'.repeat(120)}`;
const longFile = `${longDir}/${'f'.repeat(110)}.txt`;
const longLink = `/${'t'.repeat(150)}`;
const big = Buffer.alloc(70_000, 7);

/** A tree with names past ustar's 100 bytes, a long symlink target, a hardlink and a file larger than a chunk. */
function makeTree(): string {
  const root = path.join(scratch, 'tree');
  mkdirSync(path.join(root, longDir), { recursive: true });
  writeFileSync(path.join(root, longFile), 'long name\n');
  writeFileSync(path.join(root, 'small'), 'hello');
  writeFileSync(path.join(root, 'big'), big);
  writeFileSync(path.join(root, 'empty'), '');
  symlinkSync(longLink, path.join(root, 'link'));
  execFileSync('ln', [path.join(root, 'small'), path.join(root, 'hard')]);
  return root;
}
const tree = makeTree();

/** An archive written by GNU tar in the given format (gnu: L/K records; posix: pax headers). */
function gnuTar(format: string): Buffer {
  const out = path.join(scratch, `${format}.tar`);
  execFileSync('tar', ['--format', format, '--sort=name', '-cf', out, '-C', tree, '.']);
  return readFileSync(out);
}

async function* chunked(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

interface Seen {
  header: TarEntryHeader;
  content?: string;
}

async function parse(data: Buffer, chunk: number, wants: (h: TarEntryHeader) => boolean = () => true): Promise<Seen[]> {
  const seen: Seen[] = [];
  const position: TarPosition = { offset: 0, entry: undefined };
  await readTarEntries(chunked(data, chunk), async (header, content) => {
    const item: Seen = { header };
    seen.push(item);
    if (wants(header)) {
      const bytes = await content();
      item.content = bytes.length > 64 ? `${bytes.length} bytes of ${bytes[0]}` : bytes.toString();
    }
  }, position);
  expect(position.offset).toBe(data.length);
  return seen;
}

function summary(seen: Seen[]): string[] {
  return seen.map((s) => `${s.header.typeflag} ${s.header.name.replace(/^\.\//, '')} -> ${s.header.linkname} ${s.header.size} ${s.content ?? '-'}`);
}

describe('readTarEntries on archives GNU tar writes', () => {
  const expected = [
    '5  ->  0 ',
    '0 big ->  70000 70000 bytes of 7',
    `5 ${longDir}/ ->  0 `,
    `0 ${longFile} ->  10 long name\n`,
    '0 empty ->  0 ',
    '0 hard ->  5 hello',
    `2 link -> ${longLink} 0 `,
    '1 small -> ./hard 0 ',
  ];

  it.each(['gnu', 'posix'])('reads %s long names, links and data, whatever the chunk size', async (format) => {
    const data = gnuTar(format);
    for (const chunk of [1, 100, 511, 512, 513, 4096, 1 << 20]) {
      expect(summary(await parse(data, chunk)), `chunk ${chunk}`).toEqual(expected);
    }
  });

  it('skips the bytes of members the handler does not ask for', async () => {
    const seen = await parse(gnuTar('posix'), 1000, (h) => h.name.endsWith('hard'));
    expect(seen.map((s) => s.content).filter((c) => c !== undefined)).toEqual(['hello']);
    expect(seen).toHaveLength(expected.length);
  });

  it('waits for a handler that finishes late before reading on', async () => {
    const order: string[] = [];
    await readTarEntries(chunked(gnuTar('gnu'), 300), async (header) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      order.push(header.name);
    }, { offset: 0, entry: undefined });
    expect(order).toHaveLength(expected.length);
  });

  it('refuses content asked for after the member passed', async () => {
    let late: (() => Promise<Buffer>) | undefined;
    await readTarEntries(chunked(gnuTar('gnu'), 512), async (header, content) => {
      if (header.name.endsWith('hard')) late = content;
    }, { offset: 0, entry: undefined });
    await expect(late?.()).rejects.toBeInstanceOf(TarFormatError);
  });
});

describe('readTarEntries on bad input', () => {
  const failure = (data: Buffer): Promise<unknown> =>
    readTarEntries(chunked(data, 4096), async (_h, content) => void (await content()), { offset: 0, entry: undefined }).then(() => undefined, (e: unknown) => e);

  it('names a truncated member', async () => {
    const data = gnuTar('gnu');
    const bigAt = data.indexOf(Buffer.from('big\0'));
    const error = await failure(data.subarray(0, bigAt + 512 + 1000));
    expect(error).toBeInstanceOf(TarFormatError);
    expect((error as Error).message).toMatch(/Unexpected end of data/);
  });

  it('rejects a header whose checksum is wrong', async () => {
    const data = Buffer.from(gnuTar('gnu'));
    data[0] = (data[0] ?? 0) ^ 1;
    expect(String(await failure(data))).toMatch(/checksum/);
  });

  it('rejects an oversized extended header', async () => {
    const header = Buffer.alloc(512);
    header.write('././@PaxHeader', 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write((2 * 1024 * 1024).toString(8).padStart(11, '0') + '\0', 124);
    header.write('00000000000\0', 136);
    header.write('x', 156);
    header.write('ustar\x0000', 257);
    header.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    expect(String(await failure(header))).toMatch(/extended header/);
  });

  it('reads an empty stream and zero blocks as no members', async () => {
    expect(await parse(Buffer.alloc(0), 512)).toEqual([]);
    expect(await parse(Buffer.alloc(1024), 512)).toEqual([]);
  });
});

describe('readTarEntries against tar-stream on damaged archives', () => {
  /** A small deterministic generator (mulberry32), so a failing case can be replayed. */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  async function ours(data: Buffer, chunk: number): Promise<string[] | string> {
    const out: string[] = [];
    try {
      await readTarEntries(chunked(data, chunk), async (h, content) => {
        const bytes = await content();
        out.push(`${h.typeflag} ${h.name} ${h.linkname} ${bytes.toString('base64')}`);
      }, { offset: 0, entry: undefined });
      return out;
    } catch (error) {
      expect(error).toBeInstanceOf(TarFormatError);
      return 'error';
    }
  }

  async function theirs(data: Buffer): Promise<string[] | string> {
    const { extract } = await import('tar-stream');
    const out: string[] = [];
    try {
      const ex = extract();
      const done = (async () => {
        for await (const entry of ex) {
          const parts: Buffer[] = [];
          for await (const part of entry) parts.push(part as Buffer);
          const flags: Record<string, string> = { file: '0', link: '1', symlink: '2', directory: '5' };
          const flag = flags[entry.header.type ?? 'file'] ?? '?';
          out.push(`${flag} ${entry.header.name} ${entry.header.linkname ?? ''} ${Buffer.concat(parts).toString('base64')}`);
        }
      })();
      ex.end(data);
      await done;
      return out;
    } catch {
      return 'error';
    }
  }

  // Where only one refuses (13 in 20,000 at one run), it is this reader: a byte after the checksum
  // field's digits was damaged, which tar-stream's parseInt skips and Go's archive/tar (Trivy) refuses.
  it('never fails with anything but TarFormatError, and reads what tar-stream reads where both succeed', async () => {
    const next = random(20261129);
    const bases = [gnuTar('gnu'), gnuTar('posix')];
    let agreed = 0;
    let bothFailed = 0;
    let cases = 0;
    for (let i = 0; i < 400; i++) {
      const base = bases[i % bases.length] as Buffer;
      const data = Buffer.from(base);
      const damage = Math.floor(next() * 3);
      if (damage === 0) data[Math.floor(next() * data.length)] = Math.floor(next() * 256);
      if (damage === 1) for (let k = 0; k < 8; k++) data[Math.floor(next() * 2048)] = Math.floor(next() * 256);
      const cut = damage === 2 ? data.subarray(0, Math.floor(next() * data.length)) : data;
      const a = await ours(cut, 1 + Math.floor(next() * 3000));
      const b = await theirs(cut);
      cases++;
      if (a === 'error' && b === 'error') bothFailed++;
      else if (a !== 'error' && b !== 'error') {
        expect(a, `case ${i}`).toEqual(b);
        agreed++;
      }
    }
    console.log(`tar differential: ${cases} damaged archives; ${agreed} read alike, ${bothFailed} refused by both, ${cases - agreed - bothFailed} refused by one only`);
    expect(agreed + bothFailed).toBeGreaterThan(cases * 0.8);
  });
});
