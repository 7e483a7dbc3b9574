import { createRegistry } from '../core/index.js';
import type { Check } from './check.js';
import { check as dockerfileAddInsteadOfCopy } from './checks/dockerfile/add-instead-of-copy.js';
import { check as dockerfileExposeSsh } from './checks/dockerfile/expose-ssh.js';
import { check as dockerfileNoSudo } from './checks/dockerfile/no-sudo.js';
import { check as dockerfilePipeToShell } from './checks/dockerfile/pipe-to-shell.js';
import { check as dockerfileSecretsInEnv } from './checks/dockerfile/secrets-in-env.js';
import { check as imageNoDebugTools } from './checks/image/no-debug-tools.js';
import { check as imageNoPackageManager } from './checks/image/no-package-manager.js';
import { check as imageNoShell } from './checks/image/no-shell.js';
import { check as imageSetuidFiles } from './checks/image/setuid-files.js';
import { check as imageWorldWritableDirs } from './checks/image/world-writable-dirs.js';
import { check as meshMtlsStrict } from './checks/mesh/mtls-strict.js';
import { check as pssAllowPrivilegeEscalation } from './checks/pss/allow-privilege-escalation.js';
import { check as pssApparmorProfile } from './checks/pss/apparmor-profile.js';
import { check as pssCapabilitiesBaseline } from './checks/pss/capabilities-baseline.js';
import { check as pssCapabilitiesRestricted } from './checks/pss/capabilities-restricted.js';
import { check as pssHostNamespaces } from './checks/pss/host-namespaces.js';
import { check as pssHostPathVolumes } from './checks/pss/host-path-volumes.js';
import { check as pssHostPorts } from './checks/pss/host-ports.js';
import { check as pssHostProbes } from './checks/pss/host-probes.js';
import { check as pssPrivileged } from './checks/pss/privileged.js';
import { check as pssProcMount } from './checks/pss/proc-mount.js';
import { check as pssProcMountRestricted } from './checks/pss/proc-mount-restricted.js';
import { check as pssRestrictedVolumes } from './checks/pss/restricted-volumes.js';
import { check as pssRunAsNonRoot } from './checks/pss/run-as-non-root.js';
import { check as pssRunAsUser } from './checks/pss/run-as-user.js';
import { check as pssSeccompBaseline } from './checks/pss/seccomp-baseline.js';
import { check as pssSeccompRestricted } from './checks/pss/seccomp-restricted.js';
import { check as pssSelinuxOptions } from './checks/pss/selinux-options.js';
import { check as pssSysctls } from './checks/pss/sysctls.js';
import { check as pssWindowsHostProcess } from './checks/pss/windows-host-process.js';
import { check as runtimeApparmorUnconfined } from './checks/runtime/apparmor-unconfined.js';
import { check as runtimeCapDropAll } from './checks/runtime/cap-drop-all.js';
import { check as runtimeCpuLimit } from './checks/runtime/cpu-limit.js';
import { check as runtimeDangerousCapabilities } from './checks/runtime/dangerous-capabilities.js';
import { check as runtimeDockerSocketMount } from './checks/runtime/docker-socket-mount.js';
import { check as runtimeHealthcheck } from './checks/runtime/healthcheck.js';
import { check as runtimeHostDevices } from './checks/runtime/host-devices.js';
import { check as runtimeHostNamespaces } from './checks/runtime/host-namespaces.js';
import { check as runtimeImageDigestPinned } from './checks/runtime/image-digest-pinned.js';
import { check as runtimeMemoryLimit } from './checks/runtime/memory-limit.js';
import { check as runtimeNoNewPrivileges } from './checks/runtime/no-new-privileges.js';
import { check as runtimeNonRootUser } from './checks/runtime/non-root-user.js';
import { check as runtimePidsLimit } from './checks/runtime/pids-limit.js';
import { check as runtimePrivileged } from './checks/runtime/privileged.js';
import { check as runtimeReadOnlyRootFilesystem } from './checks/runtime/read-only-root-filesystem.js';
import { check as runtimeRestartPolicy } from './checks/runtime/restart-policy.js';
import { check as runtimeSeccompUnconfined } from './checks/runtime/seccomp-unconfined.js';
import { check as runtimeSensitiveHostMounts } from './checks/runtime/sensitive-host-mounts.js';
import { check as runtimeServiceAccountToken } from './checks/runtime/service-account-token.js';

/** Every built-in check; the id is the file's path under `src/lint/checks/`. */
export const checkRegistry = createRegistry<Check>(
  'check',
  [
    dockerfileAddInsteadOfCopy,
    dockerfileExposeSsh,
    dockerfileNoSudo,
    dockerfilePipeToShell,
    dockerfileSecretsInEnv,
    imageNoDebugTools,
    imageNoPackageManager,
    imageNoShell,
    imageSetuidFiles,
    imageWorldWritableDirs,
    meshMtlsStrict,
    pssAllowPrivilegeEscalation,
    pssApparmorProfile,
    pssCapabilitiesBaseline,
    pssCapabilitiesRestricted,
    pssHostNamespaces,
    pssHostPathVolumes,
    pssHostPorts,
    pssHostProbes,
    pssPrivileged,
    pssProcMount,
    pssProcMountRestricted,
    pssRestrictedVolumes,
    pssRunAsNonRoot,
    pssRunAsUser,
    pssSeccompBaseline,
    pssSeccompRestricted,
    pssSelinuxOptions,
    pssSysctls,
    pssWindowsHostProcess,
    runtimeApparmorUnconfined,
    runtimeCapDropAll,
    runtimeCpuLimit,
    runtimeDangerousCapabilities,
    runtimeDockerSocketMount,
    runtimeHealthcheck,
    runtimeHostDevices,
    runtimeHostNamespaces,
    runtimeImageDigestPinned,
    runtimeMemoryLimit,
    runtimeNoNewPrivileges,
    runtimeNonRootUser,
    runtimePidsLimit,
    runtimePrivileged,
    runtimeReadOnlyRootFilesystem,
    runtimeRestartPolicy,
    runtimeSeccompUnconfined,
    runtimeSensitiveHostMounts,
    runtimeServiceAccountToken,
  ],
  { unitDir: 'lint/checks' },
);
