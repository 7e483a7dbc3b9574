import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRampartError } from '../core/index.js';
import { describeWithTestdata } from '../../test-support/shared-testdata.js';
import { openImage } from './open-image.js';
import { readSquashedFile, resolveSquashedPath } from './read-image-file.js';
import { squashFilesystem } from './squash-filesystem.js';

interface ValidCase {
  target: string;
  platform?: string;
  layers: number;
  /** Paths that must exist in the squashed filesystem. */
  present: string[];
  /** Paths that must not (deleted by whiteouts). */
  absent?: string[];
  imageId?: string;
  file?: [string, RegExp];
}

const g = 'go-containerregistry/v1';
// Every archive and layout under images/ that is an image (MANIFEST.md, images section).
const valid: ValidCase[] = [
  { target: 'trivy-fanal-testdata/alpine-310.tar.gz', layers: 1, present: ['/etc/os-release', '/lib/apk/db/installed'], imageId: 'sha256:af341ccd', file: ['/etc/os-release', /VERSION_ID=3\.10\.4/] },
  { target: 'trivy-fanal-testdata/alpine-311.tar.gz', layers: 1, present: ['/etc/alpine-release'], imageId: 'sha256:a187dde4', file: ['/etc/os-release', /VERSION_ID=3\.11\.5/] },
  { target: 'trivy-fanal-testdata/test.oci', layers: 1, present: ['/hello'] },
  { target: 'trivy-fanal-testdata/test_image_tag.oci', layers: 1, present: ['/hello'] },
  { target: 'oci-dir:trivy-fanal-testdata/test_image_tag.oci:0.0.1', layers: 1, present: ['/hello'] },
  { target: `${g}/tarball/testdata/test_image_1.tar`, layers: 1, present: ['/foo', '/bar'], file: ['/foo', /foo/] },
  { target: `${g}/tarball/testdata/test_image_2.tar`, layers: 1, present: ['/bat', '/baz'] },
  { target: `${g}/tarball/testdata/test_load_manifest.tar`, layers: 1, present: ['/foo'] },
  { target: `docker-archive:${g}/tarball/testdata/test_bundle.tar:test_image_1`, layers: 1, present: ['/foo', '/bar'] },
  { target: `docker-archive:${g}/tarball/testdata/test_bundle.tar:test_image_2`, layers: 1, present: ['/bat', '/baz'] },
  { target: `docker-archive:${g}/tarball/testdata/test_link.tar:bazel/v1/tarball:test_image_1`, layers: 1, present: ['/foo'] },
  { target: `docker-archive:${g}/tarball/testdata/test_link.tar:bazel/v1/tarball:test_image_3`, layers: 2, present: ['/foo', '/test'] },
  { target: `${g}/tarball/testdata/hello-world-v25.tar`, layers: 1, present: ['/hello'] },
  { target: `docker-archive:${g}/tarball/testdata/hello-world-v25.tar`, layers: 1, present: ['/hello'] },
  { target: `${g}/mutate/testdata/whiteout_image.tar`, layers: 3, present: ['/bar.txt'], absent: ['/foo.txt'] },
  { target: `${g}/mutate/testdata/whiteout_dir.tar`, layers: 4, present: ['/a/baz', '/b/bar'], absent: ['/a/foo'] },
  { target: `${g}/mutate/testdata/overwritten_file.tar`, layers: 3, present: ['/foo.txt', '/bar.txt'] },
  { target: `${g}/mutate/testdata/source_image.tar`, layers: 1, present: ['/foo'] },
  { target: `${g}/mutate/testdata/source_image_with_empty_layer_history.tar`, layers: 1, present: ['/foo'] },
  { target: `oci-dir:${g}/layout/testdata/test_index:1`, layers: 1, present: ['/foo'] },
  { target: `oci-dir:${g}/layout/testdata/test_index:2`, layers: 1, present: ['/bat'] },
  { target: `oci-dir:${g}/layout/testdata/test_index:3`, layers: 1, present: ['/foo'] },
  { target: `oci-dir:${g}/layout/testdata/test_index:4`, layers: 1, present: ['/foo'] },
  { target: `oci-dir:${g}/layout/testdata/test_gc_index:1`, layers: 1, present: ['/foo'] },
  { target: `oci-dir:${g}/layout/testdata/test_gc_index:3`, layers: 1, present: ['/foo'] },
  { target: `${g}/layout/testdata/test_index_one_image`, layers: 1, present: ['/test'] },
  { target: 'stereoscope/oci/testdata/valid-oci.tar', layers: 1, present: ['/README.md'] },
  { target: 'oci-archive:stereoscope/oci/testdata/valid-oci.tar:sample', layers: 1, present: ['/README.md'] },
  { target: 'stereoscope/oci/testdata/valid_oci_dir', layers: 1, present: ['/README.md'] },
  { target: 'stereoscope/oci/testdata/multiplatform_oci_dir', platform: 'linux/amd64', layers: 1, present: ['/linux/amd64/README.md'] },
  { target: 'stereoscope/oci/testdata/multiplatform_oci_dir', platform: 'linux/arm64', layers: 1, present: ['/linux/arm64/README.md'] },
];

// Must fail with exit 2. Where MANIFEST.md does not say "must fail", the reason is given.
const invalid: [string, string][] = [
  ['trivy-fanal-testdata/test_bad_index_json.oci', 'BAD_ARCHIVE'],
  ['trivy-fanal-testdata/test_index_json_dir.oci', 'BAD_ARCHIVE'],
  ['trivy-fanal-testdata/test_invalid_oci_image.oci', 'BAD_ARCHIVE'],
  ['trivy-fanal-testdata/test_no_valid_manifests.oci', 'BAD_ARCHIVE'],
  [`${g}/tarball/testdata/no_manifest.tar`, 'BAD_ARCHIVE'],
  [`${g}/tarball/testdata/null_manifest.tar`, 'BAD_ARCHIVE'],
  // a bundle of two images needs a tag
  [`${g}/tarball/testdata/test_bundle.tar`, 'BAD_REFERENCE'],
  [`docker-archive:${g}/tarball/testdata/test_bundle.tar:nope`, 'IMAGE_NOT_FOUND'],
  // several images in index.json and no tag given
  [`${g}/layout/testdata/test_index`, 'BAD_REFERENCE'],
  // a Helm chart (config media type application/vnd.cncf.helm.config.v1+json), not a container image
  [`${g}/layout/testdata/test_index_media_type`, 'BAD_ARCHIVE'],
  // the fixture ships index.json only: its manifest blob is not in the repository
  [`${g}/layout/testdata/test_gc_image_unknown_mediatype`, 'BAD_ARCHIVE'],
  ['stereoscope/oci/testdata/no_manifests', 'BAD_ARCHIVE'],
  ['stereoscope/oci/testdata/invalid_file', 'BAD_ARCHIVE'],
  // its only manifest blob is an empty file (the fixture tests manifest parsing, not a whole image)
  ['stereoscope/oci/testdata/valid_manifest', 'DIGEST_MISMATCH'],
  ['stereoscope/oci/testdata/multiplatform_oci_dir', 'PLATFORM_NOT_FOUND'],
];
const invalidOptions: Record<string, { platform: string }> = { 'stereoscope/oci/testdata/multiplatform_oci_dir': { platform: 'linux/s390x' } };

function resolveTarget(root: string, target: string): string {
  const scheme = /^(docker-archive|oci-dir|oci-archive):/.exec(target);
  if (scheme === null) return path.join(root, 'images', target);
  return `${scheme[1]}:${path.join(root, 'images', target.slice(scheme[0].length))}`;
}

describeWithTestdata('image archives and layouts from ../shared/testdata/images', (root) => {
  let passed = 0;
  afterAll(() => {
    console.log(`image fixtures: ${passed}/${valid.length + invalid.length} pass (${valid.length} valid, ${invalid.length} must-fail)`);
  });

  it.each(valid.map((c) => [`${c.target}${c.platform ? ` (${c.platform})` : ''}`, c] as const))('reads %s', async (_name, c) => {
    const image = await openImage(resolveTarget(root, c.target), c.platform === undefined ? {} : { platform: c.platform });
    try {
      expect(image.layers).toHaveLength(c.layers);
      if (c.imageId !== undefined) expect(image.imageId.startsWith(c.imageId)).toBe(true);
      const files = await squashFilesystem(image);
      for (const p of c.present) expect(files.has(p), `${p} present`).toBe(true);
      for (const p of c.absent ?? []) expect(files.has(p), `${p} deleted`).toBe(false);
      if (c.file !== undefined) {
        const file = resolveSquashedPath(files, c.file[0]);
        expect(file).toBeDefined();
        expect((await readSquashedFile(image, file!)).toString()).toMatch(c.file[1]);
      }
    } finally {
      await image.close();
    }
    passed++;
  });

  it.each(invalid)('rejects %s with %s (exit 2)', async (target, code) => {
    const error = await openImage(resolveTarget(root, target), invalidOptions[target] ?? {}).then(
      async (image) => {
        await image.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(isRampartError(error) ? error.code : error).toBe(code);
    expect(isRampartError(error) && error.exitCode).toBe(2);
    passed++;
  });

  it('alpine 3.10 lists the 14 apk packages trivy finds', async () => {
    const image = await openImage(resolveTarget(root, 'trivy-fanal-testdata/alpine-310.tar.gz'));
    try {
      const files = await squashFilesystem(image);
      const db = await readSquashedFile(image, resolveSquashedPath(files, '/lib/apk/db/installed')!);
      expect(db.toString().split('\n').filter((l) => l.startsWith('P:'))).toHaveLength(14);
    } finally {
      await image.close();
    }
  });
});

describe('openImage errors', () => {
  it('names a missing file as FILE_NOT_FOUND', async () => {
    await expect(openImage('docker-archive:/nonexistent/x.tar')).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
