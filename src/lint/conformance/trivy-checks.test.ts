import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { describeWithTestdata } from '../../../test-support/shared-testdata.js';
import { lintText } from './run-text.js';

/** Trivy check file (checks/<kind>/<name>.yaml) → the Rampart checks that decide the same question. */
const MAPPING: Readonly<Record<string, readonly string[]>> = {
  'docker/add_instead_of_copy': ['dockerfile/add-instead-of-copy'],
  'docker/latest_tag': ['runtime/image-digest-pinned'],
  'docker/port22': ['dockerfile/expose-ssh'],
  'docker/root_user': ['runtime/non-root-user'],
  'docker/run_using_sudo': ['dockerfile/no-sudo'],
  'kubernetes/CPU_not_limited': ['runtime/cpu-limit'],
  'kubernetes/SYS_ADMIN_capability': ['pss/capabilities-baseline'],
  'kubernetes/access_to_host_ports': ['pss/host-ports'],
  'kubernetes/apparmor_policy_disabled': ['pss/apparmor-profile'],
  'kubernetes/can_elevate_its_own_privileges': ['pss/allow-privilege-escalation'],
  'kubernetes/capabilities_no_drop_all': ['pss/capabilities-restricted'],
  'kubernetes/file_system_not_read_only': ['runtime/read-only-root-filesystem'],
  'kubernetes/host_ipc': ['pss/host-namespaces'],
  'kubernetes/host_network': ['pss/host-namespaces'],
  'kubernetes/host_pid': ['pss/host-namespaces'],
  'kubernetes/hostpath_volumes_mounted': ['pss/host-path-volumes'],
  'kubernetes/memory_not_limited': ['runtime/memory-limit'],
  'kubernetes/mounts_docker_socket': ['runtime/docker-socket-mount'],
  'kubernetes/non_core_volume_types': ['pss/restricted-volumes'],
  'kubernetes/non_default_proc_masks_set': ['pss/proc-mount'],
  'kubernetes/privileged': ['pss/privileged'],
  'kubernetes/protecting_pod_service_account_tokens': ['runtime/service-account-token'],
  'kubernetes/runs_as_root': ['pss/run-as-non-root'],
  'kubernetes/runtime_default_seccomp_profile_not_set': ['pss/seccomp-restricted'],
  'kubernetes/selinux_custom_options_set': ['pss/selinux-options'],
  'kubernetes/specific_capabilities_added': ['pss/capabilities-baseline'],
  'kubernetes/unsafe_sysctl_options_set': ['pss/sysctls'],
  'kubernetes/uses_image_tag_latest': ['runtime/image-digest-pinned'],
};

/** Trivy checks that are not about container hardening (or belong to another Rampart command), with the reason. */
const NOT_SECURITY: Readonly<Record<string, string>> = {
  'docker/apt_get_missing_yes_flag_to_avoid_manual_input': 'build hygiene (interactive prompt), not security',
  'docker/copy_from_references_current_from_alias': 'build correctness',
  'docker/copy_with_more_than_two_arguments_not_ending_with_slash': 'build correctness',
  'docker/maintainer_is_deprecated': 'style',
  'docker/missing_dnf_clean_all': 'image size',
  'docker/missing_zypper_clean': 'image size',
  'docker/multiple_cmd_instructions_listed': 'build correctness',
  'docker/multiple_entrypoint_instructions_listed': 'build correctness',
  'docker/multiple_healthcheck_instructions': 'build correctness',
  'docker/run_apt_get_dist_upgrade': 'build reproducibility',
  'docker/run_command_cd_instead_of_workdir': 'style',
  'docker/run_using_wget_and_curl': 'image size (two download tools)',
  'docker/same_alias_in_different_froms': 'build correctness',
  'docker/unix_ports_out_of_range': 'build correctness',
  'docker/update_instruction_alone': 'build caching',
  'docker/workdir_path_not_absolute': 'style',
  'docker/yum_clean_all_missing': 'image size',
  'kubernetes/CPU_requests_not_specified': 'scheduling (requests), not isolation; limits are checked',
  'kubernetes/memory_requests_not_specified': 'scheduling (requests), not isolation; limits are checked',
  'kubernetes/configMap_with_secrets': 'secret detection in ConfigMap data belongs to the secrets scanner, not lint',
  'kubernetes/insecure_ingress_nginx': 'ingress-nginx CVE annotations: not a container setting',
  'kubernetes/protect_core_components_namespace': 'namespace placement policy, not a container setting',
  'kubernetes/selector_usage_in_network_policies': 'NetworkPolicy analysis is rampart netpol',
  'kubernetes/tiller_is_deployed': 'Helm v2 Tiller detection (obsolete software), not a container setting',
  'kubernetes/runs_with_GID_le_10000': 'Rampart follows Pod Security (any non-zero UID/GID); a UID/GID floor of 10000 is a site policy',
  'kubernetes/runs_with_UID_le_10000': 'Rampart follows Pod Security (any non-zero UID/GID); a UID/GID floor of 10000 is a site policy',
};

/** Security cases where Rampart decides differently, with the reason (case key: check#good|bad#index). */
const DIFFERENCES: Readonly<Record<string, string>> = {
  'docker/latest_tag#good#0': 'FROM debian:9 is a mutable tag: Rampart asks for digest pinning (CIS 4.2/5.27), stricter than "not latest" (low severity)',
  'kubernetes/uses_image_tag_latest#good#0': 'busybox:1.33.1 is a mutable tag: Rampart asks for digest pinning, stricter than "not latest" (low severity)',
  'kubernetes/capabilities_no_drop_all#good#0': 'drop: [all] in lower case: Pod Security compares "ALL" case-sensitively and Rampart follows it exactly',
  'kubernetes/protecting_pod_service_account_tokens#good#0': 'Trivy only flags an explicit token mount; the API server automounts the token unless automountServiceAccountToken is false, so Rampart flags the default (low)',
  'kubernetes/specific_capabilities_added#bad#0': 'adding NET_BIND_SERVICE is allowed by Pod Security baseline and restricted; Rampart follows Pod Security',
};

describeWithTestdata('trivy-checks good/bad examples', (root) => {
  it('decides the security cases as Trivy does, or documents why not', () => {
    const dir = path.join(root, 'k8s-config', 'trivy-checks', 'checks');
    let same = 0;
    let total = 0;
    const differences: Record<string, string> = {};
    const unmapped: string[] = [];
    for (const kind of readdirSync(dir)) {
      for (const name of readdirSync(path.join(dir, kind))) {
        const key = `${kind}/${name.replace(/\.yaml$/, '')}`;
        const ids = MAPPING[key];
        if (ids === undefined) {
          if (NOT_SECURITY[key] === undefined) unmapped.push(key);
          continue;
        }
        const doc = parse(readFileSync(path.join(dir, kind, name), 'utf8')) as Record<string, { good?: string[]; bad?: string[] }>;
        const [format, examples] = Object.entries(doc)[0] ?? ['', {}];
        for (const verdict of ['good', 'bad'] as const) {
          (examples[verdict] ?? []).forEach((text, index) => {
            total++;
            const fired = lintText(format === 'dockerfile' ? 'dockerfile' : 'kubernetes', text).some((f) => ids.includes(f.id));
            if (fired === (verdict === 'bad')) same++;
            else differences[`${key}#${verdict}#${index}`] = fired ? 'fires on a good example' : 'misses a bad example';
          });
        }
      }
    }
    console.log(`trivy-checks: ${same}/${total} security cases decided the same way (${Object.keys(NOT_SECURITY).length} non-security checks excluded)`);
    expect(unmapped).toEqual([]);
    expect(Object.keys(differences).sort()).toEqual(Object.keys(DIFFERENCES).sort());
  });
});
