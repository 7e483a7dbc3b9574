// Public API of the runtime domain: event model, sensor, state and sources.
export type { EventSource, FieldValue, RuntimeEvent, Scalar } from './event.js';
export { createBpftraceSensor } from './sensor/bpftrace-sensor.js';
export type { BpftraceSensor, SensorOptions, SensorStats } from './sensor/bpftrace-sensor.js';
export { generateProgram } from './sensor/bpftrace-program.js';
export type { GeneratedProgram, ProgramOptions } from './sensor/bpftrace-program.js';
export { syscallProbes, traceableEventTypes } from './sensor/syscall-probes.js';
export { createDockerEngine } from './state/docker-engine.js';
export type { DockerEngine } from './state/docker-engine.js';
export { createContainerCache, containerFields, splitImageReference } from './state/container-cache.js';
export type { ContainerCache, ContainerInfo } from './state/container-cache.js';
export { createProcReader } from './state/proc-reader.js';
export type { ProcReader, ProcSnapshot } from './state/proc-reader.js';
export { createProcessTable } from './state/process-table.js';
export type { FdInfo, ProcessEntry, ProcessTable } from './state/process-table.js';
