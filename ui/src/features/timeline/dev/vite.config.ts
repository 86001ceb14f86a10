// Builds the standalone timeline harness into ui/dist/timeline-dev:
//   cd ui && npx vite build --config src/features/timeline/dev/vite.config.ts
//   npx vite preview --config src/features/timeline/dev/vite.config.ts --port 4180
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const here = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root: here,
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  build: {
    target: 'es2022',
    outDir: new URL('../../../../dist/timeline-dev', import.meta.url).pathname,
    emptyOutDir: true,
  },
  preview: { host: '127.0.0.1', port: 4180, strictPort: true },
});
