import { BUILD_SOURCES, defineCheck } from '../../check.js';
import { allInstructions } from '../../dockerfile-instructions.js';

/** What ADD may unpack (compressed tarballs; the same suffixes hadolint accepts). */
const ARCHIVE = /\.(tar|gz|tgz|bz2|tbz2?|xz|txz|zst|lz|lzma|tlz)$/i;
const REMOTE = /^(https?|git):\/\/|^git@/i;

/** The source operands of `ADD [--flags] src... dest` (JSON or shell form). */
function sources(args: string): string[] {
  const trimmed = args.trim();
  let words: string[];
  if (trimmed.startsWith('[')) {
    try {
      words = (JSON.parse(trimmed) as unknown[]).map(String);
    } catch {
      words = trimmed.split(/\s+/);
    }
  } else {
    words = trimmed.split(/\s+/).map((w) => w.replace(/^["']|["']$/g, ''));
  }
  return words.slice(0, -1);
}

export const check = defineCheck({
  id: 'dockerfile/add-instead-of-copy',
  version: 1,
  scope: 'workload',
  sources: BUILD_SOURCES,
  description: 'ADD fetches URLs unverified and unpacks implicitly; COPY does only what it says.',
  title: 'ADD instead of COPY',
  severity: 'low',
  fixable: true,
  references: { cis: ['4.9'], cwe: ['CWE-494'] },
  remediation: 'Use COPY for local files; download URLs with ADD --checksum=sha256:... or a verified RUN step.',
  evaluate(workload) {
    return allInstructions(workload)
      .filter((i) => i.keyword === 'ADD')
      .flatMap((i) => {
        const checksum = i.flags.some((f) => f.startsWith('--checksum'));
        // Local archives are ADD's one legitimate use (unpacking); remote sources need a checksum.
        const bad = sources(i.args).filter((s) => (REMOTE.test(s) ? !checksum : !ARCHIVE.test(s)));
        // `rampart fix` turns local ADDs into COPY; a remote source needs a checksum only the author knows.
        const fixable = !bad.some((b) => REMOTE.test(b));
        return bad.length === 0 ? [] : [{ location: i.location, detail: `ADD ${bad.join(' ')}`, evidence: { fixable } }];
      });
  },
});
