import { unzipSync } from 'fflate';
import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';
import { parsePythonMetadata } from '../python-metadata.js';

const metadataFile = /(?:\.dist-info\/METADATA|\.egg-info\/PKG-INFO|\.egg-info|EGG-INFO\/PKG-INFO)$/;
const eggZip = /\.egg$/;

function fromText(path: string, text: string, innerPath?: string): Fact[] {
  const parsed = parsePythonMetadata(text);
  if (!parsed.ok) return [unknownFact(path, `python metadata: ${parsed.reason}`)];
  const { name, version, licenses } = parsed.metadata;
  return [{ kind: 'package', path, package: { type: 'pypi', name, version, licenses, ...(innerPath !== undefined ? { innerPath } : {}) } }];
}

/** Installed Python distributions: `*.dist-info/METADATA`, `*.egg-info/PKG-INFO`, `*.egg-info` files and `.egg` zips. */
export const pythonDist = defineAnalyzer({
  id: 'python-dist',
  version: 1,
  description: 'Python packages from dist-info METADATA, egg-info PKG-INFO and .egg archives',
  required(path) {
    return metadataFile.test(path) || eggZip.test(path);
  },
  analyze({ path, content }) {
    if (eggZip.test(path)) {
      let files: Record<string, Uint8Array>;
      try {
        files = unzipSync(content, { filter: (f) => f.name === 'EGG-INFO/PKG-INFO' });
      } catch (error) {
        return [unknownFact(path, `egg archive: ${(error as Error).message}`)];
      }
      const info = files['EGG-INFO/PKG-INFO'];
      return info === undefined ? [unknownFact(path, 'egg archive has no EGG-INFO/PKG-INFO')] : fromText(path, Buffer.from(info).toString('utf8'));
    }
    return fromText(path, content.toString('utf8'));
  },
});
