// Vitest for the timeline folder, including the component spec, which needs
// Svelte's browser build (the root config resolves the server one):
//   cd ui && npx vitest run --config src/features/timeline/vitest.config.ts
// The root `npm test` runs the *.test.ts files here; *.spec.ts need this config
// until the root config sets `resolve.conditions: ['browser']` for tests.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const here = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root: new URL('../../..', import.meta.url).pathname,
  plugins: [svelte()],
  resolve: { conditions: ['browser'] },
  test: {
    environment: 'jsdom',
    include: [`${here}**/*.test.ts`, `${here}**/*.spec.ts`],
    benchmark: { include: [`${here}**/*.bench.ts`] },
  },
});
