import type { ImageFile, Located } from './model.js';

const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];
export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'csh', 'tcsh', 'fish', 'busybox']);
export const PACKAGE_MANAGERS = new Set(['apt', 'apt-get', 'dpkg', 'apk', 'yum', 'dnf', 'microdnf', 'rpm', 'zypper', 'tdnf', 'pip', 'pip3']);
export const DEBUG_TOOLS = new Set(['curl', 'wget', 'nc', 'netcat', 'ncat', 'socat', 'telnet', 'ssh', 'scp', 'ftp', 'tcpdump', 'strace', 'ltrace', 'gdb', 'nmap']);

/** The program name when the path is an executable location (`/usr/bin/curl` → `curl`). */
export function binaryName(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  return BIN_DIRS.includes(path.slice(0, slash)) ? path.slice(slash + 1) : undefined;
}

export function isSetuidOrSetgid(file: ImageFile): boolean {
  return file.kind === 'file' && (file.mode & 0o6000) !== 0;
}

export function isWorldWritableDir(file: ImageFile): boolean {
  return file.kind === 'dir' && (file.mode & 0o002) !== 0 && (file.mode & 0o1000) === 0;
}

/** Whether a file is one any image check looks at (keeps the model small for big images). */
export function isNotable(file: ImageFile): boolean {
  const name = binaryName(file.path);
  const tool = name !== undefined && (SHELLS.has(name) || PACKAGE_MANAGERS.has(name) || DEBUG_TOOLS.has(name));
  return (tool && file.kind !== 'dir') || isSetuidOrSetgid(file) || isWorldWritableDir(file);
}

/** Files of the given program set, by program name. */
export function programsIn(files: readonly Located<ImageFile>[], names: ReadonlySet<string>): Located<ImageFile>[] {
  return files.filter((f) => {
    const name = binaryName(f.value.path);
    return name !== undefined && names.has(name) && f.value.kind !== 'dir';
  });
}
