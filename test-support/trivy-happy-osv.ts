// Trivy's happy.yaml fixture DB ("alpine 3.11" bucket, severities from its vulnerability bucket) as
// OSV records, in test code: the small alpine-311 end-to-end case of the matcher, scan and rescan tests.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';

interface Bucket {
  bucket: string;
  pairs: { bucket?: string; key?: string; pairs?: { key: string; value: { FixedVersion?: string } }[]; value?: { Severity?: string } }[];
}

/** Writes one OSV file per advisory into `dir` (created if missing); `fixedOverride` replaces every fixed version. */
export function writeHappyAsOsv(happyFile: string, dir: string, fixedOverride?: string): void {
  mkdirSync(dir, { recursive: true });
  const happy = jsYaml.load(readFileSync(happyFile, 'utf8')) as Bucket[];
  const severity = new Map(happy.find((b) => b.bucket === 'vulnerability')!.pairs.map((p) => [p.key!, p.value?.Severity]));
  for (const pkg of happy.find((b) => b.bucket === 'alpine 3.11')!.pairs) {
    for (const adv of pkg.pairs ?? []) {
      const fixed = fixedOverride ?? adv.value.FixedVersion;
      const affected = [{ package: { ecosystem: 'Alpine:v3.11', name: pkg.bucket }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }];
      writeFileSync(path.join(dir, `${adv.key}.json`), JSON.stringify({ id: adv.key, modified: '2020-01-01T00:00:00Z', affected, database_specific: { severity: severity.get(adv.key) } }));
    }
  }
}
