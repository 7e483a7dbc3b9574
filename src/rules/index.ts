export type { ConditionPos, Expr, FieldExpr, TransformerExpr } from './condition/ast.js';
export { ConditionSyntaxError } from './condition/condition-syntax-error.js';
export { parseCondition, supportedOperators } from './condition/parse-condition.js';
export { formatCondition } from './condition/format-condition.js';
export { compileCondition } from './compile/compile-condition.js';
export { conditionEventTypes } from './compile/event-types.js';
export { ConditionCompileError } from './compile/event-record.js';
export type { EventRecord, Predicate } from './compile/event-record.js';
export { createFieldRegistry } from './fields/field-registry.js';
export type { FieldInfo, FieldRegistry, FieldValueKind } from './fields/field-registry.js';
export { ENGINE_VERSION, loadRuleFiles, loadRules } from './loader/load-rules.js';
export type { LoadedFile, LoadedRules, LoadRulesOptions, RulesSource } from './loader/load-rules.js';
export { formatDiagnostic, loadErrorCodes, loadWarningCodes } from './loader/load-diagnostic.js';
export type { ItemPosition, LoadDiagnostic, LoadErrorCode, LoadWarningCode } from './loader/load-diagnostic.js';
export type { CompiledRule } from './loader/compiled-rule.js';
export { parsePriority, priorities } from './loader/ruleset-model.js';
export type { Priority } from './loader/ruleset-model.js';
export { compileOutput } from './output/format-output.js';
export type { CompiledOutput } from './output/format-output.js';
export { createRuleEngine, formatAlertJson, formatAlertText } from './rule-engine.js';
export type { Alert, RuleEngine, RuleEngineOptions, RuleSelection } from './rule-engine.js';

/** Compiles already-loaded rules into an engine (alias kept for the runtime contract). */
export { loadRules as compileRules } from './loader/load-rules.js';
