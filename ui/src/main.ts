import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import type { Backend } from './lib/backend';
import { MemoryBackend } from './lib/memory-backend';
import { TauriBackend, inTauri } from './lib/tauri-backend';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// In the window: the Rust commands. In a plain browser (`npm run dev`): the
// in-memory double with a small sample case, so the UI can be worked on alone.
const backend: Backend = inTauri() ? new TauriBackend() : await MemoryBackend.sample();

export default mount(App, { target, props: { backend } });
