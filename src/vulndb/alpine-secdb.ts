import * as z from 'zod/mini';
import type { Location } from '../core/index.js';
import { checkSchema, RampartError } from '../core/index.js';
import type { OsvRecord } from './osv-record.js';

/**
 * Alpine's secdb (`secdb.alpinelinux.org/v3.N/{main,community}.{json,yaml}`, and aquasecurity
 * vuln-list's one-package-per-file split of it) converted to OSV. `secfixes` maps a fixed version
 * to the ids it fixes; the key "0" means "not affected" and yields nothing. Package names are
 * origin (source) package names.
 */
const secfixes = z.record(z.string(), z.nullable(z.array(z.union([z.string(), z.number()]))));
const pkg = z.looseObject({ name: z.string(), secfixes: z.nullish(secfixes) });
const fullDb = z.looseObject({
  distroversion: z.string(),
  reponame: z.optional(z.string()),
  packages: z.nullable(z.array(z.looseObject({ pkg }))),
});
const onePackage = z.extend(pkg, { distroversion: z.string(), reponame: z.optional(z.string()) });

export function isAlpineSecdb(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && 'distroversion' in doc && ('packages' in doc || 'secfixes' in doc);
}

/** Cleans the dirty ids real secdb files carry (`CVE_2019-2426`, `CVE 2018-16859`, `CVE-… GNUTLS-SA-…`). */
export function cleanAdvisoryId(raw: string): string {
  const fixed = raw.trim().replace(/^CVE[ _-]+(\d{4})[ _-]+(\d+)/i, 'CVE-$1-$2');
  return fixed.split(/\s+/)[0] ?? fixed;
}

export function convertAlpineSecdb(doc: unknown, modified: string, location: Location): OsvRecord[] {
  const full = checkSchema(fullDb, doc);
  const single = full.success ? undefined : checkSchema(onePackage, doc);
  if (!full.success && (single === undefined || !single.success)) {
    throw new RampartError('BAD_INPUT', 'not an Alpine secdb document (distroversion, packages[].pkg{name, secfixes})', { location });
  }
  const release = full.success ? full.data.distroversion : single!.data!.distroversion;
  const repo = full.success ? full.data.reponame : single!.data!.reponame;
  const packages = full.success ? (full.data.packages ?? []).map((p) => p.pkg) : [single!.data!];
  const byId = new Map<string, OsvRecord>();
  for (const p of packages) {
    for (const [fixed, ids] of Object.entries(p.secfixes ?? {})) {
      if (fixed === '0') continue;
      for (const raw of ids ?? []) {
        const id = cleanAdvisoryId(String(raw));
        if (id === '') continue;
        const recordId = `ALPINE-${id}`;
        const record = byId.get(recordId) ?? {
          id: recordId,
          modified,
          aliases: [id],
          summary: `${id} in Alpine ${release}`,
          affected: [],
          database_specific: { source: 'alpine-secdb' },
        };
        record.affected!.push({
          package: { ecosystem: `Alpine:${release}`, name: p.name, purl: `pkg:apk/alpine/${p.name}?arch=source` },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }],
          database_specific: { secfixes_key: fixed, ...(repo === undefined ? {} : { repo }) },
        });
        byId.set(recordId, record);
      }
    }
  }
  return [...byId.values()];
}
