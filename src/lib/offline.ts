// Registers the service worker that keeps the app's own files for offline use (public/sw.js), and
// hands it the files this page loaded before it took control. Built app only: the dev server has
// hot reload (import.meta.hot), and a cached shell there would serve stale code.

/** Registers the app-shell service worker; resolves when it has stored what this page already loaded. */
export async function keepAppAvailableOffline(): Promise<void> {
  if (import.meta.hot || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  await navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`);
  const registration = await navigator.serviceWorker.ready;
  const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
  registration.active?.postMessage({ type: 'store-assets', urls });
}
