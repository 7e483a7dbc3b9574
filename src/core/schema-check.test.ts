import * as z from 'zod/mini';
import { expect, it } from 'vitest';
import { checkSchema, parseSchema } from './schema-check.js';

const schema = z.object({ name: z.string(), tags: z.optional(z.array(z.string())) });

it('checks with zod/mini and English messages', () => {
  const bad = checkSchema(schema, { name: 1 });
  expect(bad.success).toBe(false);
  expect(bad.error?.issues[0]).toMatchObject({ path: ['name'], message: 'Invalid input: expected string, received number' });
  const good = checkSchema(schema, { name: 'a', tags: ['x'] });
  expect(good.success && good.data.tags).toEqual(['x']);
});

it('parses or throws the same message', () => {
  expect(parseSchema(schema, { name: 'a' })).toEqual({ name: 'a' });
  expect(() => parseSchema(schema, {})).toThrow(/expected string, received undefined/);
});
