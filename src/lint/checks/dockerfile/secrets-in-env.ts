import { BUILD_SOURCES, defineCheck } from '../../check.js';
import { allInstructions } from '../../dockerfile-instructions.js';

const SECRET_NAME = /(pass(word)?|passwd|secret|token|api_?key|private_?key|access_?key|credential|auth)/i;

/** `ENV A=b C=d` / `ENV A b` / `ARG A=b` → [name, value] pairs. */
function assignments(args: string): [string, string][] {
  const pairs = [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)].map((m) => [m[1] ?? '', m[2] ?? ''] as [string, string]);
  if (pairs.length > 0) return pairs;
  const space = args.search(/\s/);
  return space < 0 ? [[args, '']] : [[args.slice(0, space), args.slice(space).trim()]];
}

export const check = defineCheck({
  id: 'dockerfile/secrets-in-env',
  version: 1,
  scope: 'workload',
  sources: BUILD_SOURCES,
  description: 'Secrets must not be set with ENV or ARG: they stay in the image config and history.',
  title: 'secret in ENV/ARG',
  severity: 'high',
  fixable: false,
  references: { cis: ['4.10'], cwe: ['CWE-798', 'CWE-538'] },
  remediation: 'Pass secrets at build time with RUN --mount=type=secret and at run time through a secret store, never ENV/ARG.',
  evaluate(workload) {
    return allInstructions(workload)
      .filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG')
      .flatMap((i) =>
        assignments(i.args)
          .filter(([name, value]) => SECRET_NAME.test(name) && value !== '' && !value.startsWith('$'))
          .map(([name]) => ({ location: i.location, detail: `${i.keyword} ${name} holds a literal value` })),
      );
  },
});
