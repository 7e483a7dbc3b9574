import type { Location } from '../core/index.js';

/** A value read from the input, with where it was written (file/line/column). */
export interface Located<T> {
  readonly value: T;
  readonly location: Location;
}

/** What kind of input a workload came from. */
export type SourceKind = 'kubernetes' | 'compose' | 'docker-run' | 'dockerfile' | 'image' | 'container';

export type ContainerRole = 'container' | 'init' | 'ephemeral';

/** Seccomp / AppArmor profile as Kubernetes spells it (docker's `seccomp=unconfined` maps to Unconfined). */
export interface ProfileRef {
  /** `RuntimeDefault`, `Unconfined`, `Localhost`, or any other value the input used. */
  readonly type: string;
  readonly localhostProfile?: string;
}

export interface SeLinuxOptions {
  readonly type?: string;
  readonly user?: string;
  readonly role?: string;
  readonly level?: string;
}

export interface Mount {
  /** Host path for binds, volume name for named volumes, empty for tmpfs/anonymous. */
  readonly source: string;
  readonly target: string;
  readonly type: 'bind' | 'volume' | 'tmpfs' | 'other';
  readonly readOnly: boolean;
}

/** Security-relevant settings that Kubernetes lets a pod default and a container override. */
export interface SecuritySettings {
  /** The user as written: `1000`, `nobody`, `1000:1000`. */
  readonly user?: Located<string>;
  readonly runAsUser?: Located<number>;
  readonly runAsGroup?: Located<number>;
  readonly runAsNonRoot?: Located<boolean>;
  readonly seccomp?: Located<ProfileRef>;
  readonly appArmor?: Located<ProfileRef>;
  readonly seLinux?: Located<SeLinuxOptions>;
  readonly windowsHostProcess?: Located<boolean>;
}

/** A host-side address a probe or lifecycle handler targets (`httpGet.host`, `tcpSocket.host`). */
export interface HandlerHost {
  readonly handler: string;
  readonly host: string;
}

export interface Resources {
  readonly memoryLimit?: Located<string>;
  readonly cpuLimit?: Located<string>;
  readonly pidsLimit?: Located<number>;
  readonly memoryRequest?: Located<string>;
  readonly cpuRequest?: Located<string>;
}

/** One container, whichever input described it. Unset fields are `undefined`, never defaulted. */
export interface ContainerSpec extends SecuritySettings {
  readonly name: string;
  readonly role: ContainerRole;
  readonly location: Location;
  readonly image?: Located<string>;
  readonly privileged?: Located<boolean>;
  readonly allowPrivilegeEscalation?: Located<boolean>;
  readonly capAdd: readonly Located<string>[];
  readonly capDrop: readonly Located<string>[];
  readonly readOnlyRootFilesystem?: Located<boolean>;
  readonly procMount?: Located<string>;
  readonly hostPorts: readonly Located<number>[];
  readonly mounts: readonly Located<Mount>[];
  readonly devices: readonly Located<string>[];
  readonly resources: Resources;
  readonly healthcheck?: Located<boolean>;
  readonly handlerHosts: readonly Located<HandlerHost>[];
  readonly restartPolicy?: Located<string>;
}

export interface PodVolume {
  readonly name: string;
  /** The volume source key (`hostPath`, `emptyDir`, `nfs`...); `unknown` when it names none. */
  readonly type: string;
  readonly hostPath?: string;
}

/**
 * A unit of deployment: a Kubernetes pod (template), a compose service, a `docker run`, a
 * Dockerfile's final stage, or a live container. Pod-level settings sit here, container-level ones
 * in `containers`.
 */
export interface WorkloadSpec {
  readonly source: SourceKind;
  /** `Pod`, `Deployment`, `service`, `run`, `Dockerfile`, `container`... */
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly location: Location;
  readonly hostNetwork?: Located<boolean>;
  readonly hostPID?: Located<boolean>;
  readonly hostIPC?: Located<boolean>;
  /** Docker only: `--uts host`. */
  readonly hostUTS?: Located<boolean>;
  /** False when the pod runs in a user namespace; true for Docker's `--userns host`. */
  readonly hostUsers?: Located<boolean>;
  readonly os?: Located<string>;
  readonly sysctls: readonly Located<{ readonly name: string; readonly value: string }>[];
  readonly volumes: readonly Located<PodVolume>[];
  readonly pod: SecuritySettings;
  /** Annotation-based profiles (pre-field Kubernetes): `apparmor/<container>`, `seccomp/pod`, `seccomp/<container>`. */
  readonly annotations: readonly Located<{ readonly key: string; readonly value: string }>[];
  readonly automountServiceAccountToken?: Located<boolean>;
  readonly containers: readonly ContainerSpec[];
  /** Dockerfile inputs: the build stages, for build-time checks. */
  readonly build?: BuildSpec;
  /** Image inputs: the notable files of the squashed filesystem (see `image-files.ts`). */
  readonly imageFiles?: readonly Located<ImageFile>[];
}

/** A file of an image's squashed filesystem; located by layer digest and path. */
export interface ImageFile {
  readonly path: string;
  readonly kind: string;
  /** Permission bits with setuid/setgid/sticky (`0o4755`). */
  readonly mode: number;
}

/** One Dockerfile instruction, continuation lines and heredoc bodies joined. */
export interface Instruction {
  readonly keyword: string;
  /** Flags before the arguments (`--mount=type=secret,id=x`, `--chown=1000`). */
  readonly flags: readonly string[];
  readonly args: string;
  /** Heredoc bodies (`RUN <<EOF ... EOF`). */
  readonly heredocs: readonly string[];
  readonly location: Location;
}

export interface BuildStage {
  readonly name?: string;
  readonly from: Located<string>;
  readonly instructions: readonly Instruction[];
}

export interface BuildSpec {
  readonly stages: readonly BuildStage[];
}

/** An Istio PeerAuthentication (mesh mTLS mode), read from Kubernetes YAML. */
export interface MeshPolicy {
  readonly kind: 'PeerAuthentication';
  readonly name: string;
  readonly namespace?: string;
  readonly location: Location;
  readonly selector: boolean;
  readonly mode?: Located<string>;
  readonly portModes: readonly Located<{ readonly port: string; readonly mode: string }>[];
}

/** Everything read from one target. */
export interface LintInput {
  readonly target: string;
  readonly workloads: readonly WorkloadSpec[];
  readonly meshPolicies: readonly MeshPolicy[];
  /** Inline `# rampart:ignore` comments found in the input. */
  readonly inlineExceptions: readonly InlineException[];
  /** Raw input text, for fixers (absent for live containers). */
  readonly text?: string;
}

export interface InlineException {
  readonly checkId: string;
  readonly reason?: string;
  readonly expires?: string;
  readonly location: Location;
  /** The lines this comment covers (its own line and the next one). */
  readonly lines: readonly number[];
}

export function emptyContainer(name: string, role: ContainerRole, location: Location): ContainerSpec {
  return { name, role, location, capAdd: [], capDrop: [], hostPorts: [], mounts: [], devices: [], resources: {}, handlerHosts: [] };
}
