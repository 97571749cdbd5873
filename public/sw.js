// Keeps the app itself available offline, so a downloaded on-device model can be used with the
// network off. Only the app's own built files are stored: the page (network first, cached copy when
// offline) and the hashed files under /assets/ (immutable, so cache first). Model files are stored
// by web-llm in its own caches and are never touched here; other origins pass straight through.

const SHELL_CACHE = 'clinrevise-shell-v1';
const scope = new URL(self.registration.scope);
const pageUrl = scope.href;
const assetsPath = `${scope.pathname}assets/`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      const response = await fetch(pageUrl, { cache: 'no-store' });
      if (!response.ok) return;
      await cache.put(pageUrl, response.clone());
      // The page's own entry script and stylesheet; the rest is stored as it is first used.
      const html = await response.text();
      const assets = [...html.matchAll(/(?:src|href)="([^"]+\/assets\/[^"]+)"/g)].map((m) => new URL(m[1], pageUrl).href);
      await Promise.all(assets.map((url) => cache.add(url).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** The page sends the files it loaded before this worker controlled it, so they are stored too. */
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'store-assets' || !Array.isArray(event.data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      for (const url of event.data.urls) {
        if (typeof url === 'string' && new URL(url).origin === scope.origin && new URL(url).pathname.startsWith(assetsPath) && !(await cache.match(url))) {
          await cache.add(url).catch(() => undefined);
        }
      }
      event.source?.postMessage({ type: 'assets-stored' });
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      (async () => {
        try {
          const response = await fetch(request);
          if (response.ok) await (await caches.open(SHELL_CACHE)).put(pageUrl, response.clone());
          return response;
        } catch (err) {
          const cached = await caches.match(pageUrl, { cacheName: SHELL_CACHE });
          if (cached) return cached;
          throw err;
        }
      })(),
    );
    return;
  }
  if (!url.pathname.startsWith(assetsPath)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      const cached = await cache.match(request);
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    })(),
  );
});
