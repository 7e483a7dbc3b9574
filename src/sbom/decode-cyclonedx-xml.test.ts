import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RampartError } from '../core/index.js';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { decodeCycloneDxXml } from './decode-cyclonedx-xml.js';
import { decodeSbom } from './detect-sbom.js';

const bom = (components: string, ns = 'http://cyclonedx.org/schema/bom/1.5') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bom xmlns="${ns}" version="1">\n  <components>\n${components}\n  </components>\n</bom>\n`;

async function failure(text: string): Promise<RampartError> {
  try {
    await decodeSbom(text, 'in.cdx.xml');
  } catch (error) {
    if (error instanceof RampartError) return error;
    throw error;
  }
  throw new Error('decoded');
}

describe('CycloneDX XML decoder', () => {
  it('reads components, nested components, licenses, properties and escaped text', async () => {
    const inv = await decodeSbom(
      bom(`    <component type="library"><name>left-pad</name><version>1.3.0</version><purl>pkg:npm/left-pad@1.3.0?a=1&amp;b=2</purl>
      <licenses><license><id>MIT</id></license></licenses>
      <components><component type="library"><name>inner</name><version>2.0.0</version><purl>pkg:npm/inner@2.0.0</purl></component></components>
    </component>
    <component type="operating-system"><name>alpine</name><version>3.19.1</version></component>`),
      'in.cdx.xml',
    );
    expect(inv.os).toEqual({ family: 'alpine', version: '3.19.1' });
    expect(inv.packages.map((p) => [p.name, p.version, p.purl, p.licenses])).toEqual([
      ['inner', '2.0.0', 'pkg:npm/inner@2.0.0', []],
      ['left-pad', '1.3.0', 'pkg:npm/left-pad@1.3.0?a=1&b=2', ['MIT']],
    ]);
  });

  it('accepts a namespace prefix and a byte-order mark', async () => {
    const text = '\uFEFF<cdx:bom xmlns:cdx="http://cyclonedx.org/schema/bom/1.6"><cdx:components><cdx:component type="library"><cdx:name>a</cdx:name><cdx:version>1.0.0</cdx:version><cdx:purl>pkg:npm/a@1.0.0</cdx:purl></cdx:component></cdx:components></cdx:bom>';
    expect((await decodeSbom(text, 'x.xml')).packages.map((p) => p.purl)).toEqual(['pkg:npm/a@1.0.0']);
  });

  it.each([
    ['unclosed element', bom('    <component type="library"><name>a</name>'), 'BAD_SBOM', /in\.cdx\.xml:\d+:\d+: not well-formed XML/],
    ['mismatched tag on line 4', bom('    <component><name>a</nam></component>'), 'BAD_SBOM', /in\.cdx\.xml:4:\d+:/],
    ['entity definitions', '<?xml version="1.0"?>\n<!DOCTYPE bom [<!ENTITY x "yyyy">]>\n<bom><components/></bom>', 'BAD_SBOM', /in\.cdx\.xml:2:1: document type declarations/],
    ['external entity', '<?xml version="1.0"?>\n<!DOCTYPE bom SYSTEM "file:///etc/passwd">\n<bom/>', 'BAD_SBOM', /in\.cdx\.xml:2:1:/],
    ['deep nesting', `<bom>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</bom>`, 'BAD_SBOM', /nested deeper than 256/],
    ['another root element', '<project><name>x</name></project>', 'BAD_SBOM', /no <bom> root element/],
  ])('refuses %s with the file and position', async (_name, text, code, message) => {
    const error = await failure(text);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describeWithTestdata('CycloneDX XML decoder on syft SBOMs (osv-scanner testdata)', (root) => {
  const dir = path.join(root, 'vulndb', 'osv-scanner', 'scan-source', 'testdata', 'sbom-insecure');
  it.each([
    // file, packages, unknowns (components Rampart cannot turn into packages), os, musl/zlib entries
    ['alpine.cdx.xml', 14, 0, { family: 'alpine', version: '3.17.2' }, ['musl@1.2.3-r4', 'zlib@1.2.10-r0']],
    ['with-duplicates.cdx.xml', 16, 0, { family: 'alpine', version: '3.17.2' }, ['musl@1.2.3-r4', 'zlib@1.2.10-r0', 'zlib@1.2.10-r0']],
    ['postgres-stretch.cdx.xml', 135, 1, { family: 'debian', version: '9' }, []],
  ])('%s', (file, packages, unknowns, os, picked) => {
    const inv = decodeCycloneDxXml(readFileSync(path.join(dir, file), 'utf8'), file);
    expect([inv.packages.length, inv.unknowns.length, inv.os]).toEqual([packages, unknowns, os]);
    expect(inv.packages.filter((p) => ['musl', 'zlib'].includes(p.name)).map((p) => `${p.name}@${p.version}`)).toEqual(picked);
  });
});
