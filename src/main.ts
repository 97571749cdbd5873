import { mount } from 'svelte';
import App from './App.svelte';
import AppStatus from './AppStatus.svelte';
import './app.css';

// zod probes for eval with `new Function` on its first parse, which the page's CSP forbids (and
// reports as a violation); it then validates without generated code anyway. Tell it so first. Lazy,
// because zod loads on demand (same chunk as the schemas), and nothing parses before the app is up.
void import('zod/v4/core').then(({ config }) => config({ jitless: true }));

const statusTarget = document.getElementById('app-status');
if (statusTarget) mount(AppStatus, { target: statusTarget });

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });
