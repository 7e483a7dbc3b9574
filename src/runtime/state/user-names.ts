import { readFileSync } from 'node:fs';

/** uid → user name, from the process's own root (`/proc/PID/root/etc/passwd`), cached per root. */
export interface UserNames {
  /** `key` identifies the root (container id or 'host'); `passwdPath` is read once per key. */
  name(key: string, passwdPath: string, uid: number): string | undefined;
  forget(key: string): void;
}

export function parsePasswd(text: string): Map<number, string> {
  const users = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const fields = line.split(':');
    const uid = Number(fields[2]);
    if (fields[0] !== undefined && fields[0] !== '' && fields.length >= 3 && Number.isInteger(uid) && !users.has(uid)) {
      users.set(uid, fields[0]);
    }
  }
  return users;
}

export function createUserNames(): UserNames {
  const byKey = new Map<string, Map<number, string>>();
  return {
    name(key, passwdPath, uid) {
      let users = byKey.get(key);
      if (users === undefined) {
        let text: string | undefined;
        try {
          text = readFileSync(passwdPath, 'utf8');
        } catch {
          text = undefined; // no passwd in this root (distroless, process gone): names stay unknown
        }
        if (text === undefined) return undefined; // retry later: the root may be readable then
        users = parsePasswd(text);
        byKey.set(key, users);
      }
      return users.get(uid);
    },
    forget(key) {
      byKey.delete(key);
    },
  };
}
