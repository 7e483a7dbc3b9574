/** Sections of an ELF, PE or Mach-O file: enough to map virtual addresses and find named data. */
export interface ExecutableSection {
  readonly name: string;
  readonly vaddr: bigint;
  readonly size: number;
  readonly offset: number;
}

export interface Executable {
  readonly format: 'elf' | 'pe' | 'macho';
  readonly littleEndian: boolean;
  readonly sections: readonly ExecutableSection[];
}

export type ExecutableResult = { ok: true; exe: Executable } | { ok: false; reason: string };

export function isExecutableMagic(b: Buffer): boolean {
  if (b.length < 64) return false;
  const m = b.readUInt32BE(0);
  return m === 0x7f454c46 || b.readUInt16BE(0) === 0x4d5a || m === 0xcffaedfe || m === 0xcefaedfe || m === 0xfeedfacf || m === 0xfeedface;
}

export function parseExecutable(b: Buffer): ExecutableResult {
  try {
    if (b.length < 64) return { ok: false, reason: 'unrecognized executable format' };
    if (b.readUInt32BE(0) === 0x7f454c46) return { ok: true, exe: parseElf(b) };
    if (b.readUInt16BE(0) === 0x4d5a) return { ok: true, exe: parsePe(b) };
    const m = b.readUInt32BE(0);
    if (m === 0xcffaedfe || m === 0xcefaedfe) return { ok: true, exe: parseMachO(b, true, m === 0xcffaedfe) };
    if (m === 0xfeedfacf || m === 0xfeedface) return { ok: true, exe: parseMachO(b, false, m === 0xfeedfacf) };
    return { ok: false, reason: 'unrecognized executable format' };
  } catch (error) {
    return { ok: false, reason: `malformed executable: ${(error as Error).message}` };
  }
}

function reader(b: Buffer, le: boolean): { u16(at: number): number; u32(at: number): number; u64(at: number): bigint } {
  return {
    u16: (at) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at)),
    u32: (at) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at)),
    u64: (at) => (le ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at)),
  };
}

function parseElf(b: Buffer): Executable {
  const is64 = b[4] === 2;
  const le = b[5] === 1;
  const r = reader(b, le);
  const shoff = is64 ? Number(r.u64(0x28)) : r.u32(0x20);
  const shentsize = r.u16(is64 ? 0x3a : 0x2e);
  const shnum = r.u16(is64 ? 0x3c : 0x30);
  const shstrndx = r.u16(is64 ? 0x3e : 0x32);
  const raw: { nameOff: number; type: number; vaddr: bigint; offset: number; size: number }[] = [];
  for (let i = 0; i < shnum && shoff + (i + 1) * shentsize <= b.length; i++) {
    const at = shoff + i * shentsize;
    raw.push(
      is64
        ? { nameOff: r.u32(at), type: r.u32(at + 4), vaddr: r.u64(at + 0x10), offset: Number(r.u64(at + 0x18)), size: Number(r.u64(at + 0x20)) }
        : { nameOff: r.u32(at), type: r.u32(at + 4), vaddr: BigInt(r.u32(at + 0x0c)), offset: r.u32(at + 0x10), size: r.u32(at + 0x14) },
    );
  }
  const strtab = raw[shstrndx];
  const nameAt = (off: number): string => {
    if (strtab === undefined) return '';
    const start = strtab.offset + off;
    const end = b.indexOf(0, start);
    return b.toString('latin1', start, end < 0 ? start : end);
  };
  // SHT_NOBITS (8) sections occupy no file bytes
  const sections = raw.filter((s) => s.type !== 8).map((s) => ({ name: nameAt(s.nameOff), vaddr: s.vaddr, size: s.size, offset: s.offset }));
  return { format: 'elf', littleEndian: le, sections };
}

function parsePe(b: Buffer): Executable {
  const r = reader(b, true);
  const pe = r.u32(0x3c);
  if (b.readUInt32BE(pe) !== 0x50450000) throw new Error('no PE signature');
  const count = r.u16(pe + 6);
  const optSize = r.u16(pe + 20);
  const opt = pe + 24;
  const imageBase = r.u16(opt) === 0x20b ? r.u64(opt + 24) : BigInt(r.u32(opt + 28));
  const sections: ExecutableSection[] = [];
  for (let i = 0; i < count; i++) {
    const at = opt + optSize + i * 40;
    const name = b.toString('latin1', at, at + 8).replace(/\0.*$/s, '');
    sections.push({ name, vaddr: imageBase + BigInt(r.u32(at + 12)), size: Math.min(r.u32(at + 8) || r.u32(at + 16), r.u32(at + 16)), offset: r.u32(at + 20) });
  }
  return { format: 'pe', littleEndian: true, sections };
}

function parseMachO(b: Buffer, le: boolean, is64: boolean): Executable {
  const r = reader(b, le);
  const ncmds = r.u32(16);
  let at = is64 ? 32 : 28;
  const sections: ExecutableSection[] = [];
  for (let i = 0; i < ncmds && at + 8 <= b.length; i++) {
    const cmd = r.u32(at);
    const size = r.u32(at + 4);
    if (cmd === 0x19 || cmd === 0x1) {
      const nsects = r.u32(at + (is64 ? 64 : 48));
      let s = at + (is64 ? 72 : 56);
      for (let j = 0; j < nsects; j++) {
        const sect = b.toString('latin1', s, s + 16).replace(/\0.*$/s, '');
        const seg = b.toString('latin1', s + 16, s + 32).replace(/\0.*$/s, '');
        sections.push(
          is64
            ? { name: `${seg},${sect}`, vaddr: r.u64(s + 32), size: Number(r.u64(s + 40)), offset: r.u32(s + 48) }
            : { name: `${seg},${sect}`, vaddr: BigInt(r.u32(s + 32)), size: r.u32(s + 36), offset: r.u32(s + 40) },
        );
        s += is64 ? 80 : 68;
      }
    }
    if (size === 0) break;
    at += size;
  }
  return { format: 'macho', littleEndian: le, sections };
}

/** Reads `length` bytes at a virtual address, or undefined when no section holds them. */
export function readAt(b: Buffer, exe: Executable, vaddr: bigint, length: number): Buffer | undefined {
  for (const s of exe.sections) {
    if (vaddr >= s.vaddr && vaddr + BigInt(length) <= s.vaddr + BigInt(s.size) && s.offset > 0) {
      const off = s.offset + Number(vaddr - s.vaddr);
      return off + length <= b.length ? b.subarray(off, off + length) : undefined;
    }
  }
  return undefined;
}
