import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { keepAppAvailableOffline } from './lib/offline';

// zod probes for eval with `new Function` on its first parse, which the page's CSP forbids (and
// reports as a violation); it then validates without generated code anyway. Tell it so first. Lazy,
// because zod loads on demand (same chunk as the schemas), and nothing parses before the app is up.
void import('zod/v4/core').then(({ config }) => config({ jitless: true }));

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });

// Offline use of the app shell is a convenience: failing to register must not break the app.
keepAppAvailableOffline().catch((err: unknown) => console.warn('Offline support is unavailable:', err));
