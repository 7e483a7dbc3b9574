import type { EventRecord } from './compile/event-record.js';
import type { CompiledRule } from './loader/compiled-rule.js';
import type { FieldRegistry } from './fields/field-registry.js';
import type { Priority } from './loader/ruleset-model.js';
import { priorities } from './loader/ruleset-model.js';
import type { CompiledOutput } from './output/format-output.js';
import { compileOutput } from './output/format-output.js';

export interface RuleSelection {
  readonly names?: readonly string[];
  readonly tags?: readonly string[];
}

export interface RuleEngineOptions {
  /** `first`: stop at the first matching rule (definition order); `all`: every matching rule. Default `all`. */
  readonly mode?: 'first' | 'all';
  /** Rules below this priority are not evaluated. Default DEBUG (everything). */
  readonly minPriority?: Priority;
  /** Force-enable rules by name or tag (also rules disabled in their file). */
  readonly enable?: RuleSelection;
  /** Disable rules by name or tag (applied after `enable`). */
  readonly disable?: RuleSelection;
}

/** One alert: the rule, its priority and the rendered output, as Falco emits it. */
export interface Alert {
  readonly rule: string;
  readonly priority: Priority;
  readonly source: string;
  readonly tags: readonly string[];
  readonly output: string;
  readonly outputFields: Record<string, unknown>;
  /** evt.time (ns since the epoch, decimal string) when the event carries it. */
  readonly time: string | undefined;
}

export interface RuleEngine {
  /** Enabled rules in definition order. */
  readonly rules: readonly CompiledRule[];
  /** Matching rules for one event (no output rendering). */
  match(event: EventRecord): CompiledRule[];
  /** Alerts for one event. */
  evaluate(event: EventRecord): Alert[];
}

function selected(rule: CompiledRule, sel: RuleSelection | undefined): boolean {
  if (sel === undefined) return false;
  return (sel.names ?? []).some((n) => n === rule.name || (n.includes('*') && new RegExp(`^${n.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(rule.name)))
    || (sel.tags ?? []).some((t) => rule.tags.includes(t));
}

/** Builds the evaluator: enabled rules indexed by event type, outputs compiled once. */
export function createRuleEngine(rules: readonly CompiledRule[], registry: FieldRegistry, options: RuleEngineOptions = {}): RuleEngine {
  const minRank = priorities.indexOf(options.minPriority ?? 'DEBUG');
  const active = rules.filter((r) => {
    let on = r.enabled || selected(r, options.enable);
    if (selected(r, options.disable)) on = false;
    return on && priorities.indexOf(r.priority) <= minRank;
  });
  const byType = new Map<string, CompiledRule[]>();
  const anyType: CompiledRule[] = [];
  for (const r of active) {
    if (r.matchesAllTypes) anyType.push(r);
    for (const t of r.eventTypes) {
      let list = byType.get(t);
      if (list === undefined) byType.set(t, (list = []));
      list.push(r);
    }
  }
  const outputs = new Map<string, CompiledOutput>(active.map((r) => [r.name, compileOutput(r.output, registry)]));
  const first = options.mode === 'first';
  const candidates = (ev: EventRecord): readonly CompiledRule[] => {
    const t = ev['evt.type'];
    return (typeof t === 'string' ? byType.get(t) : undefined) ?? anyType;
  };
  const clocks = [...new Set(active.map((r) => r.clock))];
  const match = (ev: EventRecord): CompiledRule[] => {
    for (const c of clocks) c.gen++;
    const out: CompiledRule[] = [];
    for (const r of candidates(ev)) {
      if (r.predicate(ev)) {
        out.push(r);
        if (first) break;
      }
    }
    return out;
  };
  return {
    rules: active,
    match,
    evaluate(ev) {
      return match(ev).map((r) => {
        const o = outputs.get(r.name) as CompiledOutput;
        const time = typeof ev['evt.time'] === 'string' || typeof ev['evt.time'] === 'number' ? String(ev['evt.time']) : undefined;
        return { rule: r.name, priority: r.priority, source: r.source, tags: r.tags, output: o.render(ev), outputFields: o.values(ev), time };
      });
    },
  };
}

const displayPriority: Readonly<Record<Priority, string>> = {
  EMERGENCY: 'Emergency', ALERT: 'Alert', CRITICAL: 'Critical', ERROR: 'Error', WARNING: 'Warning', NOTICE: 'Notice', INFORMATIONAL: 'Informational', DEBUG: 'Debug',
};

function isoTime(ns: string | undefined): string {
  if (ns === undefined || !/^\d+$/.test(ns)) return new Date(0).toISOString();
  const big = BigInt(ns);
  const ms = Number(big / 1000000n);
  const frac = (big % 1000000000n).toString().padStart(9, '0');
  return `${new Date(ms).toISOString().slice(0, 19)}.${frac}Z`;
}

/** Falco's text line: `HH:MM:SS.nnnnnnnnn: Priority output`. */
export function formatAlertText(a: Alert): string {
  return `${isoTime(a.time).slice(11, 29)}: ${displayPriority[a.priority]} ${a.output}`;
}

/** Falco's JSON alert (json_output: true, json_include_output_property/tags_property: true). */
export function formatAlertJson(a: Alert, hostname = ''): Record<string, unknown> {
  return {
    hostname, output: formatAlertText(a), output_fields: a.outputFields, priority: displayPriority[a.priority],
    rule: a.rule, source: a.source, tags: a.tags, time: isoTime(a.time),
  };
}
