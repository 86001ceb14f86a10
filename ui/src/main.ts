import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import type { Backend } from './lib/backend';
import { TauriBackend, inTauri } from './lib/tauri-backend';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// In the window: the Rust commands. In a plain browser under the dev server
// (`npm run dev`): the in-memory double with a small sample case, so the UI can
// be worked on alone. The double is imported only behind `import.meta.env.DEV`,
// which the production build replaces with false: it is never in ui/dist
// (`npm run check:dist` checks).
async function chooseBackend(): Promise<Backend> {
  if (inTauri()) return new TauriBackend();
  if (import.meta.env.DEV) {
    const { MemoryBackend } = await import('./lib/memory/backend');
    return MemoryBackend.sample();
  }
  throw new Error('Casetrail runs in its own window: start the app rather than opening ui/dist in a browser');
}

const backend = await chooseBackend();

export default mount(App, { target, props: { backend } });
