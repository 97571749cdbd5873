// Loaded by the generated service worker (vite.config.ts): the hand-written worker it replaced kept
// the app in a cache of its own, which nothing else would ever delete.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.delete('clinrevise-shell-v1'));
});
