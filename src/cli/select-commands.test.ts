import { describe, expect, it } from 'vitest';
import type { CliCommand, LazyCliCommand } from './cli-command.js';
import { commandNameOf, selectCommands } from './select-commands.js';

describe('commandNameOf', () => {
  it.each([
    [['scan', 'x'], 'scan'],
    [['--format', 'json', 'scan', 'x'], 'scan'],
    [['-o', 'out.json', '--debug', 'sbom', 'x'], 'sbom'],
    [['--format=json', 'db', 'status'], 'db'],
    [['--help'], undefined],
    [[], undefined],
    [['--', 'lint'], 'lint'],
  ] as const)('%j names %s', (argv, name) => {
    expect(commandNameOf(argv)).toBe(name);
  });
});

describe('selectCommands', () => {
  const loaded: string[] = [];
  const lazy = (name: string): LazyCliCommand => ({
    name,
    load: () => {
      loaded.push(name);
      return Promise.resolve({ name, register: () => undefined } satisfies CliCommand);
    },
  });
  const list = [lazy('a'), lazy('b'), lazy('c')];

  it('loads only the named command', async () => {
    loaded.length = 0;
    expect((await selectCommands(list, ['b', '--x'])).map((c) => c.name)).toEqual(['b']);
    expect(loaded).toEqual(['b']);
  });

  it('loads none for a bare --version', async () => {
    loaded.length = 0;
    expect(await selectCommands(list, ['--version'])).toEqual([]);
    expect(loaded).toEqual([]);
  });

  it('loads every command for help or an unknown name', async () => {
    for (const argv of [['--help'], ['nonsense'], ['help', 'a']]) {
      loaded.length = 0;
      expect((await selectCommands(list, argv)).map((c) => c.name)).toEqual(['a', 'b', 'c']);
    }
  });
});
