import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import type { BlobsResult } from '../rpm-bdb.js';
import { readBdbBlobs } from '../rpm-bdb.js';
import { parseRpmHeader, splitSourceRpm } from '../rpm-header.js';
import { readNdbBlobs } from '../rpm-ndb.js';
import { readSqliteBlobs } from '../rpm-sqlite.js';

const dbPath = /^\/(?:var\/lib\/rpm|usr\/lib\/sysimage\/rpm|usr\/share\/rpm)\/(Packages|Packages\.db|rpmdb\.sqlite)$/;

function readBlobs(file: string, content: Buffer): BlobsResult {
  if (file === 'Packages.db') return readNdbBlobs(content);
  if (file === 'rpmdb.sqlite') return readSqliteBlobs(content);
  return readBdbBlobs(content);
}

/** RPM packages from all three database formats: BerkeleyDB, NDB and SQLite. */
export const rpm = defineAnalyzer({
  id: 'rpm',
  version: 1,
  description: 'RPM packages from Packages (BerkeleyDB), Packages.db (NDB) and rpmdb.sqlite: epoch, source RPM, modularity label, files',
  required(path) {
    return dbPath.test(path);
  },
  analyze({ path, content }) {
    const file = dbPath.exec(path)?.[1] ?? '';
    const blobs = readBlobs(file, content);
    if (!blobs.ok) return [unknownFact(path, `rpm database: ${blobs.reason}`)];
    const facts: Fact[] = [];
    for (const [i, blob] of blobs.blobs.entries()) {
      const parsed = parseRpmHeader(blob);
      if (!parsed.ok) {
        facts.push(unknownFact(path, `rpm header #${i + 1}: ${parsed.reason}`));
        continue;
      }
      const r = parsed.record;
      // public keys imported into the database are not installed software
      if (r.name === 'gpg-pubkey') continue;
      const evr = `${r.epoch !== undefined && r.epoch > 0 ? `${r.epoch}:` : ''}${r.version}-${r.release}`;
      const source = splitSourceRpm(r.sourceRpm);
      facts.push({
        kind: 'package',
        path,
        package: {
          type: 'rpm',
          name: r.name,
          version: evr,
          ...(r.epoch !== undefined ? { epoch: r.epoch } : {}),
          release: r.release,
          arch: r.arch,
          ...(source !== undefined
            ? { sourceName: source.name, sourceVersion: `${r.epoch !== undefined && r.epoch > 0 ? `${r.epoch}:` : ''}${source.version}-${source.release}` }
            : {}),
          licenses: r.license === '' ? [] : [r.license],
          ...(r.modularityLabel !== '' ? { modularityLabel: r.modularityLabel } : {}),
          files: r.files,
        },
      });
    }
    return facts;
  },
});
