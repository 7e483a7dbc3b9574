import type { Location, Severity, Unit } from '../core/index.js';
import type { ContainerSpec, MeshPolicy, SourceKind, WorkloadSpec } from './model.js';

/** A Pod Security Standards version: the minor of `1.x`, or Infinity for `latest`. */
export type PssVersion = number;

export interface CheckContext {
  readonly pssVersion: PssVersion;
}

/** One occurrence of a check's problem: where, and what exactly. */
export interface Violation {
  readonly location: Location;
  /** The specific part of the message (`container app sets privileged: true`). */
  readonly detail: string;
  readonly evidence?: Readonly<Record<string, unknown>>;
}

export interface CheckReferences {
  /** CIS Docker Benchmark v1.6.0 sections (`5.5`), as docker-bench-security numbers them. */
  readonly cis?: readonly string[];
  /** Pod Security Standards control (`baseline: Privileged Containers`). */
  readonly pss?: string;
  readonly cwe?: readonly string[];
}

interface CheckBase extends Unit {
  readonly severity: Severity;
  /** The problem in a few words; findings read `<title>: <detail>`. */
  readonly title: string;
  readonly remediation: string;
  readonly references: CheckReferences;
  /** `rampart fix` can resolve this check's findings. */
  readonly fixable: boolean;
  /** Pod Security level the check implements; PSS profiles select on it. */
  readonly pssLevel?: 'baseline' | 'restricted';
  /** First PSS version (minor of 1.x) the control exists in. */
  readonly since?: PssVersion;
}

export interface WorkloadCheck extends CheckBase {
  readonly scope: 'workload';
  /** Inputs the check applies to. */
  readonly sources: readonly SourceKind[];
  evaluate(workload: WorkloadSpec, context: CheckContext): Violation[];
}

export interface MeshCheck extends CheckBase {
  readonly scope: 'mesh';
  evaluate(policy: MeshPolicy, context: CheckContext): Violation[];
}

export type Check = WorkloadCheck | MeshCheck;

/** Defines a check (the same API for built-in and user checks). */
export function defineCheck<C extends Check>(check: C): C {
  return check;
}

export const ALL_SOURCES: readonly SourceKind[] = ['kubernetes', 'compose', 'docker-run', 'dockerfile', 'image', 'container'];
/** Build inputs: a Dockerfile, or an image config with its history. */
export const BUILD_SOURCES: readonly SourceKind[] = ['dockerfile', 'image'];
export const RUNTIME_SOURCES: readonly SourceKind[] = ['compose', 'docker-run', 'container'];
export const KUBERNETES: readonly SourceKind[] = ['kubernetes'];

export function describeContainer(container: ContainerSpec): string {
  const role = container.role === 'container' ? 'container' : `${container.role} container`;
  return container.name === '' ? role : `${role} ${container.name}`;
}

export function isWindowsPod(workload: WorkloadSpec): boolean {
  return workload.os?.value === 'windows';
}
