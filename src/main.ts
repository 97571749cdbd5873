import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { keepAppAvailableOffline } from './lib/offline';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });

// Offline use of the app shell is a convenience: failing to register must not break the app.
keepAppAvailableOffline().catch((err: unknown) => console.warn('Offline support is unavailable:', err));
