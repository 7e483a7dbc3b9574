import { expect, it } from 'vitest';
import { auditEventListToEntries } from './k8s-audit-event.js';

const list = (items: unknown[]): unknown => ({ apiVersion: 'audit.k8s.io/v1', kind: 'EventList', items });
const event = (fields: object): unknown => ({ auditID: 'a', stage: 'ResponseComplete', verb: 'get', stageTimestamp: '2026-01-01T00:00:00Z', ...fields });

// Refusal reasons are built from zod's issue path and message: they must read exactly so.
it.each([
  ['null', null, 'not an audit.k8s.io/v1 EventList: Invalid input: expected object, received null'],
  ['another apiVersion', { apiVersion: 'v1', kind: 'EventList', items: [] }, 'not an audit.k8s.io/v1 EventList: Invalid input: expected "audit.k8s.io/v1"'],
  ['another kind', { apiVersion: 'audit.k8s.io/v1', kind: 'X', items: [] }, 'not an audit.k8s.io/v1 EventList: Invalid input: expected "EventList"'],
  ['no items', { apiVersion: 'audit.k8s.io/v1', kind: 'EventList' }, 'not an audit.k8s.io/v1 EventList: Invalid input: expected array, received undefined'],
  ['an empty auditID', list([event({ auditID: '' })]), 'items[0]: auditID Too small: expected string to have >=1 characters'],
  ['a numeric objectRef.name', list([event({ objectRef: { name: 3 } })]), 'items[0]: objectRef.name Invalid input: expected string, received number'],
  ['an item that is no object', list([3]), 'items[0]:  Invalid input: expected object, received number'],
])('refuses %s', (_label, body, reason) => {
  expect(auditEventListToEntries(body)).toEqual({ ok: false, reason });
});
