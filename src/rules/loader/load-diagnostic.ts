/** Falco's load result codes (falco_load_result): errors fail the file, warnings do not. */
export const loadErrorCodes = {
  LOAD_ERR_FILE_READ: 'File read error',
  LOAD_ERR_YAML_PARSE: 'YAML parse error',
  LOAD_ERR_YAML_VALIDATE: 'Error validating internal structure of YAML file',
  LOAD_ERR_COMPILE_CONDITION: 'Error compiling condition',
  LOAD_ERR_COMPILE_OUTPUT: 'Error compiling output',
  LOAD_ERR_VALIDATE: 'Error validating rule/macro/list/exception objects',
  LOAD_ERR_EXTENSION: 'Error in extension item',
} as const;

export const loadWarningCodes = {
  LOAD_UNKNOWN_SOURCE: 'Unknown event source',
  LOAD_UNSAFE_NA_CHECK: 'Unsafe <NA> comparison in condition',
  LOAD_NO_EVTTYPE: 'Condition has no event-type restriction',
  LOAD_UNKNOWN_FILTER: 'Unknown field or event-type in condition or output',
  LOAD_UNUSED_MACRO: 'Unused macro',
  LOAD_UNUSED_LIST: 'Unused list',
  LOAD_UNKNOWN_ITEM: 'Unknown rules file item',
  LOAD_DEPRECATED_ITEM: 'Used deprecated item',
  LOAD_WARNING_EXTENSION: 'Warning in extension item',
  LOAD_APPEND_NO_VALUES: 'Overriding/appending with no values',
  LOAD_EXCEPTION_NAME_NOT_UNIQUE: 'Multiple exceptions defined with the same name',
  LOAD_INVALID_MACRO_NAME: 'Invalid macro name',
  LOAD_INVALID_LIST_NAME: 'Invalid list name',
  LOAD_COMPILE_CONDITION: 'Condition has issues',
  LOAD_UNKNOWN_KEY: 'Unknown key in rules file item',
} as const;

export type LoadErrorCode = keyof typeof loadErrorCodes;
export type LoadWarningCode = keyof typeof loadWarningCodes;

/** Where an item sits: file, 1-based line and column (of the item, or of the offending key). */
export interface ItemPosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface LoadDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: LoadErrorCode | LoadWarningCode;
  readonly message: string;
  /** "rule 'x'", "macro 'y'", "list 'z'", or the top-level item kind. */
  readonly item?: string;
  readonly position: ItemPosition;
}

/** Falco-like one-line rendering: `file:line:col: error LOAD_ERR_X (Title): item: message`. */
export function formatDiagnostic(d: LoadDiagnostic): string {
  const title = d.severity === 'error' ? loadErrorCodes[d.code as LoadErrorCode] : loadWarningCodes[d.code as LoadWarningCode];
  const where = `${d.position.file}:${d.position.line}:${d.position.column}`;
  return `${where}: ${d.severity} ${d.code} (${title}): ${d.item === undefined ? '' : `${d.item}: `}${d.message}`;
}
