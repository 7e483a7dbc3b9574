import type { ItemPosition } from './load-diagnostic.js';

export interface ListDef {
  readonly name: string;
  items: string[];
  readonly position: ItemPosition;
}

export interface MacroDef {
  readonly name: string;
  condition: string;
  /** Where the condition text starts (for error positions). */
  conditionPosition: ItemPosition;
  readonly position: ItemPosition;
}

export interface ExceptionDef {
  readonly name: string;
  fields: string | string[] | undefined;
  comps: string | string[] | undefined;
  values: unknown[];
}

export interface RuleDef {
  readonly name: string;
  desc: string;
  condition: string;
  conditionPosition: ItemPosition;
  output: string;
  priority: Priority;
  tags: string[];
  source: string;
  enabled: boolean;
  exceptions: ExceptionDef[];
  warnEvttypes: boolean;
  skipIfUnknownFilter: boolean;
  capture: boolean;
  captureDuration: number | undefined;
  readonly position: ItemPosition;
}

/** Falco priorities, most severe first (index = rank). */
export const priorities = ['EMERGENCY', 'ALERT', 'CRITICAL', 'ERROR', 'WARNING', 'NOTICE', 'INFORMATIONAL', 'DEBUG'] as const;
export type Priority = (typeof priorities)[number];

export function parsePriority(text: string): Priority | undefined {
  const upper = text.trim().toUpperCase();
  if (upper === 'INFO') return 'INFORMATIONAL';
  if (upper === 'WARN') return 'WARNING';
  return (priorities as readonly string[]).includes(upper) ? (upper as Priority) : undefined;
}

/** Lists, macros and rules in definition order (a redefinition keeps the original slot). */
export interface RulesetState {
  lists: Map<string, ListDef>;
  macros: Map<string, MacroDef>;
  rules: Map<string, RuleDef>;
}

export function emptyRulesetState(): RulesetState {
  return { lists: new Map(), macros: new Map(), rules: new Map() };
}

export function cloneRulesetState(s: RulesetState): RulesetState {
  const copy = <T extends object>(m: Map<string, T>): Map<string, T> => new Map([...m].map(([k, v]) => [k, structuredClone(v)]));
  return { lists: copy(s.lists), macros: copy(s.macros), rules: copy(s.rules) };
}
