import { inflateSync } from 'node:zlib';
import * as z from 'zod/mini';
import { checkSchema } from '../../core/index.js';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import { isExecutableMagic, parseExecutable } from '../executable.js';
import type { Fact } from '../fact.js';

const auditData = z.looseObject({
  packages: z.array(z.looseObject({ name: z.string(), version: z.string(), kind: z.optional(z.string()), source: z.optional(z.string()) })),
});

/**
 * Rust executables built with cargo-auditable: the zlib-compressed JSON dependency list in the
 * `.dep-v0` section (ELF, PE, Mach-O `__DATA,.dep-v0`). Build-time-only crates are not in the binary.
 */
export const rustBinary = defineAnalyzer({
  id: 'rust-binary',
  version: 1,
  description: 'Rust crates from cargo-auditable dependency data (.dep-v0) in ELF, PE and Mach-O executables',
  required(_path, entry) {
    return entry.kind === 'file' && (entry.mode & 0o111) !== 0 && entry.size > 1024;
  },
  analyze({ path, content }) {
    if (!isExecutableMagic(content)) return [];
    const exe = parseExecutable(content);
    if (!exe.ok) return [];
    const section = exe.exe.sections.find((s) => s.name === '.dep-v0' || s.name.endsWith(',.dep-v0'));
    if (section === undefined) return [];
    let parsed;
    try {
      const json: unknown = JSON.parse(inflateSync(content.subarray(section.offset, section.offset + section.size), { maxOutputLength: 64 * 1024 * 1024 }).toString('utf8'));
      parsed = checkSchema(auditData, json);
    } catch (error) {
      return [unknownFact(path, `cargo-auditable data: ${(error as Error).message}`)];
    }
    if (!parsed.success) return [unknownFact(path, 'cargo-auditable data is not the expected JSON')];
    return parsed.data.packages
      .filter((p) => p.kind !== 'build')
      .map((p): Fact => ({ kind: 'package', path, package: { type: 'cargo', name: p.name, version: p.version, licenses: [] } }));
  },
});
