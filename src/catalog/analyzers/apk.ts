import { defineAnalyzer, unknownFact } from '../analyzer.js';
import type { Fact } from '../fact.js';

const installedDb = /^\/lib\/apk\/db\/installed$/;

interface ApkRecord {
  name?: string;
  version?: string;
  arch?: string;
  origin?: string;
  license?: string;
  files: string[];
  line: number;
}

/**
 * Alpine's `lib/apk/db/installed`: one record per package, separated by blank lines, one
 * `X:value` field a line (P name, V version, A arch, o origin, L license, F dir, R file in dir).
 */
export const apk = defineAnalyzer({
  id: 'apk',
  version: 1,
  description: 'Alpine/Wolfi packages from lib/apk/db/installed (name, version, origin, arch, license, files)',
  required(path) {
    return installedDb.test(path);
  },
  analyze({ path, content }) {
    const facts: Fact[] = [];
    const lines = content.toString('utf8').split('\n');
    let record: ApkRecord | undefined;
    let dir = '';
    const flush = (): void => {
      if (record === undefined) return;
      const r = record;
      record = undefined;
      if (r.name === undefined || r.name === '') {
        facts.push(unknownFact(path, `apk record at line ${r.line} has no P: (package name)`));
        return;
      }
      if (r.version === undefined || r.version === '') {
        facts.push(unknownFact(path, `apk record at line ${r.line}: package ${r.name} has no V: (version)`));
        return;
      }
      facts.push({
        kind: 'package',
        path,
        package: {
          type: 'apk',
          name: r.name,
          version: r.version,
          ...(r.arch !== undefined ? { arch: r.arch } : {}),
          sourceName: r.origin ?? r.name,
          sourceVersion: r.version,
          licenses: r.license === undefined || r.license === '' ? [] : [r.license],
          files: r.files,
        },
      });
    };
    let sawField = false;
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? '').replace(/\r$/, '');
      if (line === '') {
        flush();
        continue;
      }
      if (line.length < 2 || line[1] !== ':') {
        flush();
        return [unknownFact(path, `line ${i + 1}: not an apk "X:value" field`)];
      }
      sawField = true;
      record ??= { files: [], line: i + 1 };
      const value = line.slice(2);
      switch (line[0]) {
        case 'P':
          record.name = value;
          break;
        case 'V':
          record.version = value;
          break;
        case 'A':
          record.arch = value;
          break;
        case 'o':
          record.origin = value;
          break;
        case 'L':
          record.license = value;
          break;
        case 'F':
          dir = `/${value}`;
          break;
        case 'R':
          record.files.push(dir === '/' ? `/${value}` : `${dir}/${value}`);
          break;
        default:
          break;
      }
    }
    flush();
    if (!sawField && content.length > 0) return [unknownFact(path, 'not an apk installed database')];
    return facts;
  },
});
