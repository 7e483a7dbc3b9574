/** Position inside a condition string (1-based line and column, 0-based index), as libsinsp reports it. */
export interface ConditionPos {
  readonly idx: number;
  readonly line: number;
  readonly col: number;
}

/** A field reference: `proc.aname[2]`, `evt.arg.flags`. */
export interface FieldExpr {
  readonly kind: 'field';
  readonly field: string;
  readonly arg?: string;
  readonly pos: ConditionPos;
}

/** A field transformer: `tolower(x)`, `val(x)`, `join("-", (a, b))`, `getopt(proc.args, "t:")[t]`. */
export interface TransformerExpr {
  readonly kind: 'transformer';
  readonly name: string;
  /** Operands: fields, nested transformers, or literal strings (only inside `join`). */
  readonly args: readonly (FieldExpr | TransformerExpr | LiteralExpr)[];
  /** `join` separator or `getopt` option string. */
  readonly param?: string;
  /** `getopt(...)[arg]`. */
  readonly arg?: string;
  readonly pos: ConditionPos;
}

export interface LiteralExpr {
  readonly kind: 'literal';
  readonly value: string;
  readonly pos: ConditionPos;
}

export type FieldLike = FieldExpr | TransformerExpr;

export type OperatorModifier = 'oneof' | 'anyof' | 'allof';

export interface ValueExpr {
  readonly kind: 'value';
  readonly value: string;
  readonly pos: ConditionPos;
}

export interface ListExpr {
  readonly kind: 'list';
  readonly values: readonly string[];
  readonly pos: ConditionPos;
}

export interface AndExpr {
  readonly kind: 'and';
  readonly children: readonly Expr[];
  readonly pos: ConditionPos;
}
export interface OrExpr {
  readonly kind: 'or';
  readonly children: readonly Expr[];
  readonly pos: ConditionPos;
}
export interface NotExpr {
  readonly kind: 'not';
  readonly child: Expr;
  readonly pos: ConditionPos;
}
/** A bare identifier: a macro reference (or, on the right of a list operator, a list name). */
export interface IdentifierExpr {
  readonly kind: 'identifier';
  readonly name: string;
  readonly pos: ConditionPos;
}
export interface UnaryCheckExpr {
  readonly kind: 'unary';
  readonly left: FieldLike;
  readonly op: 'exists';
  readonly pos: ConditionPos;
}
export interface BinaryCheckExpr {
  readonly kind: 'binary';
  readonly left: FieldLike;
  readonly op: string;
  readonly modifier?: OperatorModifier;
  /** A value, a list, a list/macro identifier (value kind with an identifier string), or a field. */
  readonly right: ValueExpr | ListExpr | FieldLike;
  readonly pos: ConditionPos;
}

export type Expr = AndExpr | OrExpr | NotExpr | IdentifierExpr | UnaryCheckExpr | BinaryCheckExpr;
