/** One runtime event: a flat object keyed by libsinsp field names (docs/event-format.md). */
export type EventRecord = Readonly<Record<string, unknown>>;

/** A compiled condition. */
export type Predicate = (event: EventRecord) => boolean;

/** A field reader: `undefined` means the field cannot be extracted from this event. */
export type Extractor = (event: EventRecord) => unknown;

/** A condition that compiles to nothing valid: message in libsinsp/Falco wording, position in the condition. */
export class ConditionCompileError extends Error {
  readonly idx: number;
  constructor(message: string, idx: number) {
    super(message);
    this.name = 'ConditionCompileError';
    this.idx = idx;
  }
}
