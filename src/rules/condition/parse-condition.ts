import type {
  ConditionPos, Expr, FieldExpr, FieldLike, ListExpr, LiteralExpr, OperatorModifier, TransformerExpr, ValueExpr,
} from './ast.js';
import { ConditionSyntaxError } from './condition-syntax-error.js';
import { unescapeQuoted } from './escaping.js';

// Token shapes of the libsinsp filter grammar (POSIX classes written out for JS).
const RGX_NOTBLANK = /not[ \t\n\r\v\f]+/y;
const RGX_IDENTIFIER = /[a-zA-Z]+[a-zA-Z0-9_]*/y;
const RGX_FIELDNAME = /[a-zA-Z]+[a-zA-Z0-9_]*(\.[a-zA-Z]+[a-zA-Z0-9_]*)+/y;
const RGX_FIELDARGBARESTR = /[^\]["' \t\n\r\v\f]+/y;
const RGX_HEXNUM = /0[xX][0-9a-zA-Z]+/y;
const RGX_NUMBER = /[+-]?[0-9]+\.?[0-9]*([eE][+-][0-9]+)?/y;
const RGX_BARESTR = /[^()"' \t\n\r\v\f=,]+/y;
const RGX_MODIFIER = /(oneof|anyof|allof)[ \t\n\r\b]+/y;

const unaryOps = ['exists'] as const;
const numOps = ['<=', '<', '>=', '>'] as const;
/** Symbolic string operators; the word operators below need a blank after them. */
const strSymbolOps = ['==', '=', '!='] as const;
const strWordOps = ['glob', 'iglob', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith', 'regex'] as const;
const listOps = ['intersects', 'in', 'pmatch'] as const;
const modifierOps = new Set<string>(['==', '=', '!=', ...strWordOps]);
/** Single-field transformers (val excluded) and the multi-operand ones. */
export const fieldTransformers = ['tolower', 'toupper', 'b64', 'basename', 'len'] as const;
const specialTransformers = ['join', 'getopt'] as const;

export const supportedOperators: readonly string[] = [...unaryOps, ...numOps, ...strSymbolOps, ...strWordOps, ...listOps];
const opsText = supportedOperators.map((o) => `'${o}'`).join(', ');
const transformersText = ['val', ...fieldTransformers, ...specialTransformers].map((t) => `'${t}'`).join(', ');

const MAX_DEPTH = 100;

/** Parses a Falco condition with libsinsp's grammar; throws ConditionSyntaxError with a position. */
export function parseCondition(input: string): Expr {
  if (input.length === 0) throw new ConditionSyntaxError('filter input string is empty', { idx: 0, line: 1, col: 1 });
  const p = new ConditionParser(input);
  return p.parse();
}

class ConditionParser {
  private idx = 0;
  private line = 1;
  private col = 1;
  private depth = 0;
  private last = '';

  constructor(private readonly input: string) {}

  parse(): Expr {
    const res = this.parseOr();
    if (this.idx !== this.input.length) this.fail(`unexpected token after '${this.last}', expecting 'or', 'and'`);
    return res;
  }

  private pos(): ConditionPos {
    return { idx: this.idx, line: this.line, col: this.col };
  }

  private fail(message: string): never {
    throw new ConditionSyntaxError(message, this.pos());
  }

  private advance(text: string): void {
    for (const c of text) {
      this.col++;
      if (c === '\r' || c === '\n') {
        this.col = 1;
        this.line++;
      }
    }
    this.idx += text.length;
  }

  private guard<T>(fn: () => T): T {
    this.depth++;
    try {
      if (this.depth >= MAX_DEPTH) this.fail(`exceeded max depth limit of ${MAX_DEPTH}`);
      return fn();
    } finally {
      this.depth--;
    }
  }

  private blank(): boolean {
    const start = this.idx;
    let end = start;
    for (;;) {
      const c = this.input[end];
      if (c === ' ' || c === '\t' || c === '\b' || c === '\r' || c === '\n') end++;
      else break;
    }
    if (end === start) return false;
    this.advance(this.input.slice(start, end));
    return true;
  }

  private str(s: string): boolean {
    if (!this.input.startsWith(s, this.idx)) return false;
    this.last = s;
    this.advance(s);
    return true;
  }

  private rgx(re: RegExp): boolean {
    re.lastIndex = this.idx;
    const m = re.exec(this.input);
    if (m === null || m[0].length === 0) return false;
    this.last = m[0];
    this.advance(m[0]);
    return true;
  }

  private quoted(): boolean {
    const delimiter = this.input[this.idx];
    if (delimiter !== '"' && delimiter !== "'") return false;
    const pos = this.pos();
    let prev = '\\';
    for (let i = this.idx; i < this.input.length; i++) {
      const c = this.input[i] as string;
      if (i > this.idx && c === delimiter && prev !== '\\') {
        const raw = this.input.slice(this.idx, i + 1);
        this.advance(raw);
        this.last = unescapeQuoted(raw, pos);
        return true;
      }
      prev = c;
    }
    return false;
  }

  private wordOp(ops: readonly string[]): boolean {
    for (const op of ops) {
      if (!this.input.startsWith(op, this.idx)) continue;
      const next = this.input[this.idx + op.length];
      if (next === ' ' || next === '\t' || next === '\n' || next === '\r' || next === '\b') {
        this.last = op;
        this.advance(op);
        return true;
      }
    }
    return false;
  }

  private parseOr(): Expr {
    return this.guard(() => this.parseJunction('or'));
  }

  private parseJunction(kind: 'or' | 'and'): Expr {
    const pos = this.pos();
    const children: Expr[] = [];
    const next = (): Expr => (kind === 'or' ? this.guard(() => this.parseJunction('and')) : this.parseNot());
    this.blank();
    children.push(next());
    this.blank();
    while (this.str(kind)) {
      if (!this.blank()) {
        if (this.str('(')) children.push(this.parseEmbedded());
        else this.fail(`expected blank or '(' after '${kind}'`);
      } else {
        children.push(next());
      }
      this.blank();
    }
    if (children.length === 1) return children[0] as Expr;
    return { kind, children, pos };
  }

  private parseNot(): Expr {
    return this.guard(() => {
      const pos = this.pos();
      let negate = false;
      this.blank();
      while (this.rgx(RGX_NOTBLANK)) negate = !negate;
      let child: Expr;
      if (this.str('not(')) {
        negate = !negate;
        child = this.parseEmbedded();
      } else {
        child = this.parseCheck();
      }
      return negate ? { kind: 'not', child, pos } : child;
    });
  }

  private parseEmbedded(): Expr {
    return this.guard(() => {
      this.blank();
      const child = this.parseOr();
      this.blank();
      if (!this.str(')')) this.fail("expected a ')' token");
      return child;
    });
  }

  private parseCheck(): Expr {
    return this.guard(() => {
      const pos = this.pos();
      this.blank();
      if (this.str('(')) return this.parseEmbedded();
      if (this.rgx(RGX_FIELDNAME)) return this.parseCondition(this.parseFieldRemainder(this.last, pos), pos);
      const transformer = this.transformerStart();
      if (transformer !== undefined) return this.parseCondition(this.parseTransformerRemainder(transformer, pos), pos);
      if (this.rgx(RGX_IDENTIFIER)) return { kind: 'identifier', name: this.last, pos };
      return this.fail("expected a '(' token, a field check, or an identifier");
    });
  }

  /** Consumes `name(` for a non-val transformer; returns its name. */
  private transformerStart(): string | undefined {
    for (const name of [...fieldTransformers, ...specialTransformers]) {
      if (this.str(`${name}(`)) return name;
    }
    return undefined;
  }

  private parseFieldRemainder(field: string, pos: ConditionPos): FieldExpr {
    return this.guard(() => {
      const arg = this.parseFieldArg();
      return arg === undefined ? { kind: 'field', field, pos } : { kind: 'field', field, arg, pos };
    });
  }

  private parseFieldArg(): string | undefined {
    if (!this.str('[')) return undefined;
    if (!this.quoted() && !this.rgx(RGX_FIELDARGBARESTR)) this.fail('expected a valid field argument: a quoted string or a bare string');
    const arg = this.last;
    if (!this.str(']')) this.fail("expected a ']' token");
    return arg;
  }

  private parseTransformerRemainder(name: string, pos: ConditionPos): TransformerExpr {
    return this.guard(() => {
      this.blank();
      if (name === 'join') return this.parseJoin(pos);
      const argPos = this.pos();
      let child: FieldLike | undefined;
      const nested = this.transformerStart();
      if (nested !== undefined) child = this.parseTransformerRemainder(nested, argPos);
      else if (this.rgx(RGX_FIELDNAME)) child = this.parseFieldRemainder(this.last, argPos);
      if (child === undefined) this.fail(`expected a field or a nested valid transformer: ${transformersText}`);
      this.blank();
      if (name === 'getopt') {
        if (!this.str(',')) this.fail("expected a ',' token after the getopt field");
        this.blank();
        if (!this.quoted()) this.fail('expected a quoted option string in getopt');
        const param = this.last;
        this.blank();
        if (!this.str(')')) this.fail("expected a ')' token closing the transformer");
        const arg = this.parseFieldArg();
        return arg === undefined ? { kind: 'transformer', name, args: [child], param, pos } : { kind: 'transformer', name, args: [child], param, arg, pos };
      }
      if (!this.str(')')) this.fail("expected a ')' token closing the transformer");
      return { kind: 'transformer', name, args: [child], pos };
    });
  }

  private parseJoin(pos: ConditionPos): TransformerExpr {
    if (!this.quoted()) this.fail('expected a quoted separator in join');
    const param = this.last;
    this.blank();
    if (!this.str(',')) this.fail("expected a ',' token after the join separator");
    this.blank();
    if (!this.str('(')) this.fail("expected a '(' token opening the join operands");
    const args: (FieldLike | LiteralExpr)[] = [];
    this.blank();
    if (!this.str(')')) {
      for (;;) {
        this.blank();
        args.push(this.parseJoinOperand());
        this.blank();
        if (this.str(')')) break;
        if (!this.str(',')) this.fail("expected a ',' or ')' token in join operands");
      }
    }
    this.blank();
    if (!this.str(')')) this.fail("expected a ')' token closing the transformer");
    return { kind: 'transformer', name: 'join', args, param, pos };
  }

  private parseJoinOperand(): FieldLike | LiteralExpr {
    const pos = this.pos();
    const nested = this.transformerStart();
    if (nested !== undefined) return this.parseTransformerRemainder(nested, pos);
    if (this.rgx(RGX_FIELDNAME)) return this.parseFieldRemainder(this.last, pos);
    if (this.quoted() || this.rgx(RGX_HEXNUM) || this.rgx(RGX_NUMBER)) return { kind: 'literal', value: this.last, pos };
    return this.fail('expected a field, a transformer, a quoted string or a number in join operands');
  }

  private parseCondition(left: FieldLike, pos: ConditionPos): Expr {
    return this.guard(() => {
      this.blank();
      if (unaryOps.some((o) => this.str(o))) {
        return { kind: 'unary', left, op: 'exists', pos };
      }
      this.blank();
      let op: string;
      let right: ValueExpr | ListExpr | FieldLike;
      let modifier: OperatorModifier | undefined;
      if (numOps.some((o) => this.str(o))) {
        op = this.last;
        right = this.parseNumValue();
      } else if (strSymbolOps.some((o) => this.str(o)) || this.wordOp(strWordOps)) {
        op = this.last;
        modifier = modifierOps.has(op) ? this.parseModifier() : undefined;
        right = modifier === undefined ? this.parseStrValue(false) : this.parseListValue(false);
      } else if (listOps.some((o) => this.str(o))) {
        op = this.last;
        right = this.parseListValue(true);
      } else {
        return this.fail(`expected a valid check operator: one of ${opsText}`);
      }
      return modifier === undefined ? { kind: 'binary', left, op, right, pos } : { kind: 'binary', left, op, modifier, right, pos };
    });
  }

  /** `oneof|anyof|allof` followed by blanks and a list or a list name (not a boolean keyword). */
  private parseModifier(): OperatorModifier | undefined {
    if (!this.blank() && !strWordOps.includes(this.last as (typeof strWordOps)[number])) return undefined;
    RGX_MODIFIER.lastIndex = this.idx;
    const m = RGX_MODIFIER.exec(this.input);
    if (m === null) return undefined;
    const rest = this.input.slice(this.idx + m[0].length);
    const ident = /^[a-zA-Z]+[a-zA-Z0-9_]*/.exec(rest)?.[0];
    if (!rest.startsWith('(') && (ident === undefined || ident === 'and' || ident === 'or')) return undefined;
    this.last = m[1] as string;
    this.advance(m[0]);
    return m[1] as OperatorModifier;
  }

  private parseNumValue(): ValueExpr | FieldLike {
    return this.guard(() => {
      this.blank();
      const pos = this.pos();
      const t = this.tryTransformerOrVal();
      if (t !== undefined) return t;
      if (this.rgx(RGX_HEXNUM) || this.rgx(RGX_NUMBER)) return { kind: 'value', value: this.last, pos };
      return this.fail(`expected a number value or a field with a valid transformer: ${transformersText}`);
    });
  }

  private parseStrValue(noTransformer: boolean): ValueExpr | FieldLike {
    return this.guard(() => {
      this.blank();
      const pos = this.pos();
      if (!noTransformer) {
        const t = this.tryTransformerOrVal();
        if (t !== undefined) return t;
      }
      if (this.quoted() || this.rgx(RGX_BARESTR)) return { kind: 'value', value: this.last, pos };
      return this.fail(noTransformer ? 'expected a string value' : `expected a string value or a field with a valid transformer: ${transformersText}`);
    });
  }

  private parseListValue(allowTransformer: boolean): ValueExpr | ListExpr | FieldLike {
    return this.guard(() => {
      this.blank();
      const pos = this.pos();
      if (this.str('(')) {
        const values: string[] = [];
        this.blank();
        const save = { idx: this.idx, line: this.line, col: this.col };
        let first: ValueExpr | FieldLike | undefined;
        try {
          first = this.parseStrValue(true);
        } catch (e) {
          if (!(e instanceof ConditionSyntaxError)) throw e;
          Object.assign(this, save);
        }
        if (first !== undefined) {
          values.push((first as ValueExpr).value);
          this.blank();
          while (this.str(',')) {
            values.push((this.parseStrValue(true) as ValueExpr).value);
            this.blank();
          }
        }
        if (!this.str(')')) this.fail("expected a ')' token");
        return { kind: 'list', values, pos };
      }
      if (allowTransformer) {
        const t = this.tryTransformerOrVal();
        if (t !== undefined) return t;
      }
      if (this.rgx(RGX_IDENTIFIER)) return { kind: 'value', value: this.last, pos };
      return this.fail(`expected a list, an identifier, or a field with a valid transformer: ${transformersText}`);
    });
  }

  private tryTransformerOrVal(): FieldLike | undefined {
    return this.guard(() => {
      this.blank();
      const pos = this.pos();
      if (this.str('val(')) {
        this.blank();
        const fieldPos = this.pos();
        if (!this.rgx(RGX_FIELDNAME)) this.fail("expected a field within 'val' transformer");
        const child = this.parseFieldRemainder(this.last, fieldPos);
        this.blank();
        if (!this.str(')')) this.fail("expected a ')' token closing the transformer");
        return { kind: 'transformer', name: 'val', args: [child], pos };
      }
      const name = this.transformerStart();
      if (name !== undefined) return this.parseTransformerRemainder(name, pos);
      return undefined;
    });
  }
}
