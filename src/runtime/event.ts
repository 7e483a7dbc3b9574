/**
 * The runtime event model (CONTRACTS.md §2): one flat record whose keys are libsinsp field names
 * plus `evt.type`. Indexed fields (`proc.aname[N]`, `proc.apid[N]`) are arrays; keyed fields
 * (`container.label[KEY]`) are objects. Absent or null fields cannot be extracted.
 */
export type Scalar = string | number | boolean | null;
export type FieldValue = Scalar | readonly Scalar[] | Readonly<Record<string, string>>;
export type RuntimeEvent = Readonly<Record<string, FieldValue>>;

/** Where events come from (sensor, replay, Falco/Tracee/Tetragon ingest). */
export interface EventSource {
  readonly name: string;
  /** Yields events until the input ends or `signal` aborts. */
  events(signal?: AbortSignal): AsyncIterable<RuntimeEvent>;
}
