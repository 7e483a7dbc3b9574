import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { analyzeFile, packagesOf } from '../analyze-file.js';
import { rustBinary } from './rust-binary.js';

// Expected from trivy's rust binary parse_test.go (cargo-auditable's workspace fixture).
const crates = ['crate_with_features@0.1.0', 'library_crate@0.1.0'];

describeWithTestdata('rust-binary analyzer (trivy rust-binary fixtures)', (root) => {
  const dir = path.join(root, 'lang/trivy/rust-binary');
  let passed = 0;
  it.each(['test.elf', 'test.exe', 'test.macho'])('%s', async (file) => {
    const pkgs = packagesOf(await analyzeFile(rustBinary, `/usr/bin/${file}`, readFileSync(path.join(dir, file)), 0o755));
    expect(pkgs.map((p) => `${p.name}@${p.version}`).sort()).toEqual(crates);
    passed++;
  });
  it('dummy: not an executable, no facts', async () => {
    expect(await analyzeFile(rustBinary, '/usr/bin/dummy', readFileSync(path.join(dir, 'dummy')), 0o755)).toEqual([]);
    console.log(`rust binary fixtures: ${passed + 1}/4 pass`);
  });
});
