import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { ConditionSyntaxError } from './condition-syntax-error.js';
import { parseCondition } from './parse-condition.js';

function accepts(filter: string): boolean {
  try {
    parseCondition(filter);
    return true;
  } catch (e) {
    if (e instanceof ConditionSyntaxError) return false;
    throw e;
  }
}

/** libsinsp's `test_accept` also retries each filter with surrounding blanks and with every space as \n and \t. */
function acceptVariants(filter: string): string[] {
  return [filter, ` ${filter} `, filter.replaceAll(' ', '\n'), filter.replaceAll(' ', '\t')];
}

interface Vector { line: number; call: string; args: unknown[] }

describeWithTestdata('condition parser vs libsinsp vectors', (root) => {
  const falco = path.join(root, 'falco');
  const acceptReject = JSON.parse(readFileSync(path.join(falco, 'falco-filter-parser.accept-reject.json'), 'utf8')) as {
    accept: string[]; reject: string[]; reject_with_message: { filter: string; message: string }[];
  };
  const parserVectors = (JSON.parse(readFileSync(path.join(falco, 'libs-vectors', 'filter_parser.json'), 'utf8')) as { vectors: Vector[] }).vectors;

  it('agrees with falco-filter-parser.accept-reject.json', () => {
    const wrongAccept = acceptReject.accept.filter((f) => !accepts(f));
    const wrongReject = acceptReject.reject.filter((f) => accepts(f));
    const total = acceptReject.accept.length + acceptReject.reject.length;
    console.log(`filter parser accept/reject: ${total - wrongAccept.length - wrongReject.length}/${total} agree`);
    expect(wrongAccept).toEqual([]);
    expect(wrongReject).toEqual([]);
  });

  it('agrees with libs filter_parser.json (accept variants, rejects and messages)', () => {
    let pass = 0;
    let total = 0;
    const failures: string[] = [];
    for (const v of parserVectors) {
      if (v.call === 'test_equal_ast') continue; // the expected AST is C++ (not in the data); its filter is in the accept list
      const raw = v.args[0];
      const filter = typeof raw === 'string' ? raw : '('.repeat(100000); // the one computed argument: std::string(100000,'(')
      total++;
      let ok: boolean;
      if (v.call === 'test_accept') ok = v.args.length === 1 ? acceptVariants(filter).every(accepts) : accepts(filter); // the position overload tries the string as is
      else if (v.call === 'test_reject') ok = !accepts(filter);
      else {
        try {
          parseCondition(filter);
          ok = false;
        } catch (e) {
          ok = e instanceof ConditionSyntaxError && e.message.includes(String(v.args[1]));
        }
      }
      if (ok) pass++;
      else failures.push(`${v.line} ${v.call} ${JSON.stringify(filter).slice(0, 120)}`);
    }
    console.log(`libs filter_parser.json: ${pass}/${total} pass`);
    expect(failures).toEqual([]);
  });
});

it.each([
  ['proc.aname[2] = bash', 'proc.aname[2] = bash'],
  ['not a and b', '(not a and b)'],
  ['a.b in (x, "y z")', 'a.b in (x, "y z")'],
])('parses %s', async (input, printed) => {
  const { formatCondition } = await import('./format-condition.js');
  expect(formatCondition(parseCondition(input))).toBe(printed);
});
