import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile } from '../analyze-file.js';
import type { Fact } from '../fact.js';
import { osReleaseAnalyzer } from './os-release.js';

// Expected family/version per trivy-os-detect fixture (the ID/VERSION_ID in each file, mapped to
// Rampart's family ids); `null` = no OS detected from this file alone.
const osRelease: readonly [string, string | null, string | null][] = [
  ['release/testdata/activestate', null, null], // not a distro with advisories
  ['release/testdata/alma', 'alma', '9.4'],
  ['release/testdata/alpine', 'alpine', '3.15.4'],
  ['release/testdata/azurelinux-3.0', 'azurelinux', '3.0'],
  ['release/testdata/bottlerocket', 'bottlerocket', '1.34.0'],
  ['release/testdata/centos', 'centos', '7'],
  ['release/testdata/centos-stream', 'centos', '8'],
  ['release/testdata/coreos', null, null],
  ['release/testdata/echo', 'echo', '1'],
  ['release/testdata/fedora', 'fedora', '42'],
  ['release/testdata/mariner-1.0', 'cbl-mariner', '1.0'],
  ['release/testdata/mariner-2.0', 'cbl-mariner', '2.0'],
  ['release/testdata/minimos', 'minimos', '20241031'],
  ['release/testdata/no-id', null, null],
  ['release/testdata/no-version', null, null], // reported as an unknown
  ['release/testdata/opensuseleap-15.2.1', 'opensuse-leap', '15.2.1'],
  ['release/testdata/opensuseleap-42.3', 'opensuse-leap', '42.3'],
  ['release/testdata/opensusetumbleweed', 'opensuse-tumbleweed', '20220412'],
  ['release/testdata/oracle', 'oracle', '8.10'],
  ['release/testdata/photon', 'photon', '4.0'],
  ['release/testdata/rhel', 'redhat', '9.4'],
  ['release/testdata/rocky', 'rocky', '9.3'],
  ['release/testdata/slemicro', 'sle-micro', '5.3'],
  ['release/testdata/slemicro-rancher', 'sle-micro', '5.4'],
  ['release/testdata/slemicro6.0', 'sle-micro', '6.0'],
  ['release/testdata/sles', 'sles', '15.3'],
  ['release/testdata/unknown', null, null],
];

// Distro files at their real path inside an image.
const distroFiles: readonly [string, string, string | null, string | null][] = [
  ['redhatbase/testdata/alma/almalinux-release', '/etc/almalinux-release', 'alma', '8.4'],
  ['redhatbase/testdata/centos/centos-release', '/etc/centos-release', 'centos', '7.6.1810'],
  ['redhatbase/testdata/fedora_29/fedora-release', '/etc/fedora-release', 'fedora', '29'],
  ['redhatbase/testdata/oracle_7/oracle-release', '/etc/oracle-release', 'oracle', '7.6'],
  ['redhatbase/testdata/redhat_6/redhat-release', '/etc/redhat-release', 'redhat', '6.2'],
  ['redhatbase/testdata/rocky/rocky-release', '/etc/rocky-release', 'rocky', '8.4'],
  ['redhatbase/testdata/not_redhatbase/empty', '/etc/redhat-release', null, null],
  ['debian/testdata/debian_9/etc/debian_version', '/etc/debian_version', 'debian', '9.8'],
  ['debian/testdata/debian_sid/etc/debian_version', '/etc/debian_version', null, null], // "buster/sid": os-release decides
  ['ubuntu/testdata/lsb-release', '/etc/lsb-release', 'ubuntu', '18.04'],
];

function osOf(facts: Fact[]): [string | null, string | null] {
  const os = facts.find((f) => f.kind === 'os');
  return os?.kind === 'os' ? [os.os.family, os.os.version] : [null, null];
}

describeWithTestdata('os-release analyzer on trivy-os-detect fixtures', (root) => {
  const base = path.join(root, 'pkgdb', 'trivy-os-detect');
  let passed = 0;
  const cases = [...osRelease.map(([file, family, version]) => [file, '/etc/os-release', family, version] as const), ...distroFiles];
  const total = cases.length;

  it.each(cases)('%s as %s → %s %s', async (file, at, family, version) => {
    const facts = await analyzeFile(osReleaseAnalyzer, at, readFileSync(path.join(base, file)));
    expect(osOf(facts)).toEqual([family, version]);
    passed++;
  });

  it('reports an os-release without VERSION_ID as an unknown', async () => {
    const facts = await analyzeFile(osReleaseAnalyzer, '/etc/os-release', readFileSync(path.join(base, 'release/testdata/no-version')));
    expect(facts).toEqual([{ kind: 'unknown', path: '/etc/os-release', reason: 'os-release ID=alpine has no VERSION_ID' }]);
    console.log(`os-detect fixtures: ${passed}/${total} pass (Ubuntu ESM status.json not read: ESM advisories are out of scope)`);
  });
});
