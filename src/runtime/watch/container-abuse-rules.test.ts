import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleEngine } from '../../rules/index.js';
import type { RuntimeEvent } from '../event.js';
import { loadWatchRules } from './watch-rules.js';

const inContainer = { 'container.id': '0123456789ab', 'container.name': 'web', 'container.image.repository': 'shop/web', 'evt.res': 'SUCCESS', 'evt.rawres': 0, 'proc.pname': 'containerd-shim', 'user.uid': 0, 'user.name': 'root' };
const exec = (fields: Record<string, unknown>): RuntimeEvent => ({ 'evt.type': 'execve', ...inContainer, 'proc.vpid': 9, 'proc.is_exe_upper_layer': false, 'evt.arg.flags': 'EXE_LOWER_LAYER', ...fields }) as RuntimeEvent;
const event = (type: string, fields: Record<string, unknown>): RuntimeEvent => ({ 'evt.type': type, ...inContainer, ...fields }) as RuntimeEvent;

/** Rampart's default rules, case by case: what each must catch and what it must leave alone. */
describe('rules/container_abuse.yaml', () => {
  let engine: RuleEngine;
  beforeAll(async () => {
    engine = (await loadWatchRules([])).engine;
  });

  it.each([
    ['docker exec sh', exec({ 'proc.name': 'sh', 'proc.cmdline': 'sh -c id' }), ['Shell spawned in container']],
    ['bash from a web server', exec({ 'proc.name': 'bash', 'proc.pname': 'nginx' }), ['Shell spawned in container']],
    ['shell as the container entrypoint (pid 1)', exec({ 'proc.name': 'sh', 'proc.vpid': 1 }), []],
    ['shell on the host', exec({ 'proc.name': 'sh', 'container.id': 'host' }), []],
    ['failed exec of a shell', exec({ 'proc.name': 'sh', 'evt.res': 'ENOENT', 'evt.rawres': -2 }), []],
    ['non-shell exec', exec({ 'proc.name': 'nginx' }), []],
    ['connect to a public address', event('connect', { 'fd.typechar': '4', 'fd.sip': '93.184.216.34', 'fd.sport': 443, 'fd.name': '->93.184.216.34:443', 'proc.name': 'curl' }), ['Outbound connection outside allow list']],
    ['non-blocking connect in progress', event('connect', { 'fd.typechar': '4', 'fd.sip': '10.9.9.9', 'fd.sport': 80, 'fd.name': '->10.9.9.9:80', 'evt.res': 'EINPROGRESS', 'evt.rawres': -115 }), ['Outbound connection outside allow list']],
    ['connect to loopback (allowed)', event('connect', { 'fd.typechar': '4', 'fd.sip': '127.0.0.1', 'fd.sport': 80, 'fd.name': '->127.0.0.1:80' }), []],
    ['refused connect', event('connect', { 'fd.typechar': '4', 'fd.sip': '10.9.9.9', 'fd.name': '->10.9.9.9:80', 'evt.res': 'ECONNREFUSED', 'evt.rawres': -111 }), []],
    ['unix socket connect', event('connect', { 'fd.typechar': 'u', 'fd.name': '/var/run/nscd/socket' }), []],
    ['setuid binary run by a user', exec({ 'proc.name': 'passwd', 'evt.arg.flags': 'EXE_LOWER_LAYER|EXE_SETUID', 'proc.exepath': '/usr/bin/passwd' }), ['Privilege change in container']],
    ['setuid(0) by a non-root user', event('setuid', { 'user.uid': 1000, 'evt.arg.uid': 0, 'proc.name': 'exploit' }), ['Privilege change in container']],
    ['setresuid to root by a non-root user', event('setresuid', { 'user.uid': 33, 'evt.arg.ruid': -1, 'evt.arg.euid': 0, 'evt.arg.suid': -1 }), ['Privilege change in container']],
    ['root dropping to nobody', event('setuid', { 'user.uid': 0, 'evt.arg.uid': 65534, 'proc.name': 'su' }), []],
    ['failed setuid(0)', event('setuid', { 'user.uid': 1000, 'evt.arg.uid': 0, 'evt.res': 'EPERM', 'evt.rawres': -1 }), []],
    ['capset by a process', event('capset', { 'proc.name': 'setpriv' }), ['Privilege change in container']],
    ['capset by runc init (container set-up)', event('capset', { 'proc.name': 'runc:[2:INIT]' }), []],
    ['open for write below /etc', event('openat', { 'fd.name': '/etc/passwd', 'fd.directory': '/etc', 'fd.typechar': 'f', 'fd.num': 3, 'evt.is_open_write': true, 'evt.arg.flags': 'O_WRONLY|O_APPEND' }), ['Write below etc or binary directories in container']],
    ['open for write in /usr/bin', event('openat', { 'fd.name': '/usr/bin/ls', 'fd.directory': '/usr/bin', 'fd.typechar': 'f', 'fd.num': 3, 'evt.is_open_write': true }), ['Write below etc or binary directories in container']],
    ['read of /etc/passwd', event('openat', { 'fd.name': '/etc/passwd', 'fd.directory': '/etc', 'fd.typechar': 'f', 'fd.num': 3, 'evt.is_open_write': false }), []],
    ['write in /tmp', event('openat', { 'fd.name': '/tmp/x', 'fd.directory': '/tmp', 'fd.typechar': 'f', 'fd.num': 3, 'evt.is_open_write': true }), []],
    ['failed write below /etc (read-only root)', event('openat', { 'fd.name': '/etc/x', 'fd.directory': '/etc', 'fd.typechar': 'f', 'fd.num': -1, 'evt.is_open_write': true, 'evt.res': 'EROFS', 'evt.rawres': -30 }), []],
    ['exec from the upper layer (drift)', exec({ 'proc.name': 'xmrig', 'proc.is_exe_upper_layer': true, 'proc.exepath': '/tmp/xmrig' }), ['Drift executable not in image']],
  ])('%s', (_name, input, expected) => {
    expect(engine.evaluate(input).map((a) => a.rule)).toEqual(expected);
  });
});
