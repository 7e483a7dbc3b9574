import { describe, expect, it } from 'vitest';
import { pathPrefixListMatcher, pathPrefixMatch, splitPathPrefix } from './glob-match.js';

const lists: readonly (readonly string[])[] = [
  ['/etc', '/usr/lib/'], ['/', '/tmp'], ['/etc/ssl/certs/java', '/etc/nginx/conf.d'], ['/var/*/x', '/etc', '/opt/a?c'],
  ['/etc//', 'relative/dir'], ['/home/[a-c]*', '/root/.ssh'], [],
];
const paths = [
  '/etc', '/etc/', '/etc/passwd', '/etcx/passwd', '/usr/lib', '/usr/lib64/x', '/usr/lib/x/y', '/tmp', '/tmpfile', '/',
  '/etc/ssl/certs/java/cacerts', '/etc/ssl/certs', '/var/log/x', '/var/log/x/y', '/var/x', '/opt/abc/d', '/opt/abcd',
  '/etc//x', 'relative/dir/file', 'relative', '', '/home/bob/.bashrc', '/home/dave/.bashrc', '/root/.ssh/id_rsa',
];

describe('pathPrefixListMatcher', () => {
  it.each(lists.map((l) => [l.join(' ')] as const))('agrees with pathPrefixMatch per entry for [%s]', (joined) => {
    const list = lists.find((l) => l.join(' ') === joined) as readonly string[];
    const m = pathPrefixListMatcher(list);
    for (const p of paths) expect([p, m(p)]).toEqual([p, list.some((e) => pathPrefixMatch(splitPathPrefix(e), p))]);
  });
});
