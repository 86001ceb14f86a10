// Rendering a component under test: mounted in a fresh container, with the
// backend (and a navigate function) in context when given, `settle()` to let
// Svelte and pending promises catch up, and everything unmounted and the
// document emptied after each test. Importing this module registers the cleanup.

import { flushSync, mount, unmount, type Component, type ComponentProps, type MountOptions } from 'svelte';
import { afterEach } from 'vitest';
import type { Backend } from '../lib/backend';
import { backendContext, navigatingContext } from '../lib/context';
import type { Navigate } from '../lib/route';

const mounted: Record<string, unknown>[] = [];

afterEach(() => {
  for (const app of mounted.splice(0)) unmount(app);
  document.body.innerHTML = '';
});

export interface RenderOptions<Props> {
  props?: Props;
  /** Given to the component through context (`useBackend()`). */
  backend?: Backend;
  /** Given through context (`useNavigate()`); needs `backend`. */
  navigate?: Navigate;
}

/** Mount `component` into a new element appended to the body; it is unmounted after the test. */
export function render<C extends Component<any>>(
  component: C,
  options: RenderOptions<ComponentProps<C>> = {},
): { target: HTMLElement; app: Record<string, unknown> } {
  const target = document.body.appendChild(document.createElement('div'));
  const { backend, navigate } = options;
  if (navigate && !backend) throw new Error('render: navigate needs a backend');
  const context = backend ? (navigate ? navigatingContext(backend, navigate) : backendContext(backend)) : undefined;
  const mountOptions = { target, props: options.props ?? {}, context } as unknown as MountOptions<ComponentProps<C>>;
  const app = mount(component, mountOptions);
  mounted.push(app);
  flushSync();
  return { target, app };
}

/** Let pending promises and timers run (`rounds` turns of the event loop, after `ms`), then flush Svelte. */
export async function settle({ rounds = 5, ms = 0 }: { rounds?: number; ms?: number } = {}): Promise<void> {
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
}
