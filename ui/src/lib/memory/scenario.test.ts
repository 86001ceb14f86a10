// The shared scenario (tests/scenarios/backend.json) run against the double.
// The same file runs against the core's Store in Rust, so the double cannot
// drift from the core without one of the two failing. The format — references
// to earlier results, the partial match, `$unordered` — is in
// tests/scenarios/README.md; this runner and the Rust one keep to it.

import { describe, expect, it } from 'vitest';
import scenario from '../../../../tests/scenarios/backend.json';
import { BackendError } from '../backend';
import { MemoryBackend } from './backend';

type Step = {
  note?: string;
  call: string;
  args: unknown[];
  save?: string;
  expect?: unknown;
  error?: { kind: string; message: string };
};

type Saved = Map<string, unknown>;

/** The value at `$name.path.to.field` among the saved results. */
function lookup(ref: string, saved: Saved): unknown {
  const [name, ...path] = ref.slice(1).split('.');
  if (!saved.has(name)) throw new Error(`${ref}: no step saved "${name}" before this one`);
  let value = saved.get(name);
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !(key in value)) throw new Error(`${ref}: no "${key}" there`);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Replace references: a whole `$name.path` string by the value, `{$name.path}` inside a string by its text. */
function resolve(value: unknown, saved: Saved): unknown {
  if (typeof value === 'string') {
    if (/^\$[A-Za-z_][\w.]*$/.test(value)) return lookup(value, saved);
    return value.replace(/\{(\$[A-Za-z_][\w.]*)\}/g, (_, ref: string) => String(lookup(ref, saved)));
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, saved));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, saved)]));
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Where `actual` fails to match `expected` (README: "Matching"), or null when it matches. */
function mismatch(expected: unknown, actual: unknown, at: string): string | null {
  if (isObject(expected) && '$unordered' in expected) {
    const wanted = expected.$unordered as unknown[];
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${JSON.stringify(actual)}`;
    if (actual.length !== wanted.length) return `${at}: expected ${wanted.length} elements in any order, got ${actual.length}: ${JSON.stringify(actual)}`;
    const taken = new Set<number>();
    for (const [i, w] of wanted.entries()) {
      const j = actual.findIndex((a, k) => !taken.has(k) && mismatch(w, a, at) === null);
      if (j < 0) return `${at}: nothing matches element ${i} ${JSON.stringify(w)} in ${JSON.stringify(actual)}`;
      taken.add(j);
    }
    return null;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${JSON.stringify(actual)}`;
    if (actual.length !== expected.length) return `${at}: expected ${expected.length} elements, got ${actual.length}: ${JSON.stringify(actual)}`;
    for (const [i, e] of expected.entries()) {
      const m = mismatch(e, actual[i], `${at}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return `${at}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [k, e] of Object.entries(expected)) {
      if (!(k in actual) && e !== null) return `${at}.${k}: missing`;
      const m = mismatch(e, actual[k] ?? null, `${at}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return expected === (actual ?? null) ? null : `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** A call of the scenario on the double: a Backend method, or one of the seeding hooks. */
async function perform(backend: MemoryBackend, call: string, args: unknown[]): Promise<unknown> {
  const method = (backend as unknown as Record<string, unknown>)[call];
  if (typeof method !== 'function' || call === 'constructor') throw new Error(`unknown call "${call}"`);
  const result = await (method as (...a: unknown[]) => unknown).apply(backend, args);
  return result === undefined ? null : JSON.parse(JSON.stringify(result));
}

describe('tests/scenarios/backend.json against the in-memory double', () => {
  const backend = new MemoryBackend();
  const saved: Saved = new Map();
  const steps = scenario.steps as Step[];

  it('has steps', () => expect(steps.length).toBeGreaterThan(10));

  steps.forEach((step, i) => {
    it(`step ${i + 1}: ${step.call}${step.note ? ` — ${step.note}` : ''}`, async () => {
      const args = resolve(step.args, saved) as unknown[];
      let result: unknown;
      try {
        result = await perform(backend, step.call, args);
      } catch (e) {
        if (!(e instanceof BackendError)) throw e;
        if (!step.error) throw new Error(`${step.call} failed: ${e.kind}: ${e.message}`);
        expect({ kind: e.kind, message: e.message }).toEqual(resolve(step.error, saved));
        return;
      }
      if (step.error) throw new Error(`${step.call} succeeded with ${JSON.stringify(result)}; expected ${JSON.stringify(step.error)}`);
      if (step.save) saved.set(step.save, result);
      if ('expect' in step) {
        const m = mismatch(resolve(step.expect, saved), result, step.call);
        if (m) throw new Error(m);
      }
    });
  });
});
