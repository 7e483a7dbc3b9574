import type { ContainerSpec, SecuritySettings } from './model.js';

/** The user part of `user[:group]`. */
export function userPart(user: string): string {
  return user.split(':')[0]?.trim() ?? '';
}

/** True when a `user[:group]` string names root (`root`, `0`, `0:0`, `root:root`). */
export function isRootUser(user: string): boolean {
  const name = userPart(user);
  return name === '' || name === 'root' || name === '0';
}

/** How a container's user is decided: explicitly non-root, explicitly root, or left to the image. */
export function userVerdict(container: ContainerSpec, pod: SecuritySettings = {}): 'non-root' | 'root' | 'unset' {
  const runAsUser = container.runAsUser ?? pod.runAsUser;
  if (runAsUser !== undefined) return runAsUser.value === 0 ? 'root' : 'non-root';
  if (container.user !== undefined) return isRootUser(container.user.value) ? 'root' : 'non-root';
  if ((container.runAsNonRoot ?? pod.runAsNonRoot)?.value === true) return 'non-root';
  return 'unset';
}
