// Hands the backend to components through Svelte context, so tests can mount
// any component over the in-memory double.

import { getContext, setContext } from 'svelte';
import type { Backend } from './backend';
import type { Navigate } from './route';

const KEY = Symbol('casetrail-backend');
const NAVIGATE = Symbol('casetrail-navigate');

export function provideBackend(backend: Backend): void {
  setContext(KEY, backend);
}

export function useBackend(): Backend {
  const backend = getContext<Backend | undefined>(KEY);
  if (!backend) throw new Error('no backend in context: wrap the component in provideBackend');
  return backend;
}

/** The context map to pass to `mount` (tests mount components over a double this way). */
export function backendContext(backend: Backend): Map<symbol, Backend> {
  return new Map([[KEY, backend]]);
}

/** Given by App.svelte: go to another view (see route.ts). */
export function provideNavigate(navigate: Navigate): void {
  setContext(NAVIGATE, navigate);
}

/** Go to another view. Outside the App shell (a component under test) it does nothing. */
export function useNavigate(): Navigate {
  return getContext<Navigate | undefined>(NAVIGATE) ?? (() => {});
}

/** The context map for a component under test that also navigates (`navigate` records where to). */
export function navigatingContext(backend: Backend, navigate: Navigate): Map<symbol, unknown> {
  return new Map<symbol, unknown>([
    [KEY, backend],
    [NAVIGATE, navigate],
  ]);
}
