// The app's offline support, as a service for the status bar: registers the generated service worker
// (vite-plugin-pwa/Workbox, see vite.config.ts), reports a waiting new version instead of letting it
// take over mid-run, and watches the connection. Built app only: the dev server has hot reload.

/** What the service worker tells the page. Each callback may be called more than once. */
export interface AppServiceWorkerEvents {
  /** The app's files are stored: it will start with the network off. */
  onOfflineReady(): void;
  /** A new version is installed and waits for the user to reload. */
  onUpdateReady(): void;
  /** Another tab applied the new version; this tab still runs the old code until it reloads. */
  onUpdatedElsewhere(): void;
}

export interface AppServiceWorker {
  /** Lets the waiting version take over, then reloads this tab (and only this one). */
  applyUpdate(): void;
}

/** Registers the service worker; resolves to null where there is none (dev server, old browsers). */
export async function registerAppServiceWorker(events: AppServiceWorkerEvents): Promise<AppServiceWorker | null> {
  if (import.meta.hot || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
  const { Workbox } = await import('workbox-window');
  const base = import.meta.env.BASE_URL;
  const workbox = new Workbox(`${base}sw.js`, { scope: base });
  let requestedHere = false;

  workbox.addEventListener('activated', (event) => {
    if (!event.isUpdate) events.onOfflineReady();
  });
  workbox.addEventListener('waiting', () => events.onUpdateReady());
  workbox.addEventListener('controlling', (event) => {
    if (!event.isUpdate) return;
    // Reload only the tab that asked: another tab may be in the middle of a run.
    if (requestedHere) window.location.reload();
    else events.onUpdatedElsewhere();
  });
  await workbox.register();
  return {
    applyUpdate() {
      requestedHere = true;
      workbox.messageSkipWaiting();
    },
  };
}

/** Calls `onChange` with the browser's online state now and on every change; returns a stop function. */
export function watchConnectivity(onChange: (online: boolean) => void): () => void {
  const report = () => onChange(navigator.onLine);
  report();
  window.addEventListener('online', report);
  window.addEventListener('offline', report);
  return () => {
    window.removeEventListener('online', report);
    window.removeEventListener('offline', report);
  };
}
