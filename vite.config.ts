import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Cross-origin isolation lets the GGUF engine use threads (SharedArrayBuffer). Static hosts must
 * send the same two headers; see the README.
 */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The built page's Content-Security-Policy (a <meta> tag, so it holds on any static host). Script
 * only from the app itself, WebAssembly allowed but no eval, no inline script or style, images only
 * from the app or data:/blob:, nothing framed, embedded or submitted anywhere.
 *
 * `connect-src` cannot name the user's server or model host: they are chosen in Settings after the
 * page was built. It therefore allows any http(s) address, and the engines connect only to the
 * configured host (tests/e2e/requests.e2e.test.ts records every request of a run to hold them to it).
 * What stops injected content from sending data anywhere is the rest of the policy: no script can be
 * injected, and nothing rendered can load a resource. A host that serves one known server can send
 * this policy as a header with `connect-src` narrowed to it (README, "Static hosting").
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "connect-src 'self' http: https:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Puts the policy first in the built page's <head>, before any script (the dev server needs inline HMR code). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'clinrevise:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

/** Engine code too large to fetch on every first visit: cached when an engine is first used. */
const ENGINE_ASSETS = /\/assets\/(?:webllm\.worker|wllama)-[\w-]+\.(?:js|wasm)$/;

/**
 * The service worker (Workbox, generated at build): a versioned precache of the app's own files, so
 * the app starts with the network off; old versions' caches are removed when a new one takes over.
 * A new version waits until the user chooses to reload (src/lib/offline.ts), never swaps mid-run.
 * Model files are never touched: GGUF models live in OPFS, web-llm's in its own caches, and files
 * deployed under /models/ pass straight through to the network.
 */
function serviceWorker() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: ['icons/apple-touch-icon-180.png'],
    manifest: {
      name: 'ClinRevise',
      short_name: 'ClinRevise',
      description: 'Clinical answers drafted, graded against clinical principles and revised by a model that runs on your device.',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0f6e6e',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      cacheId: 'clinrevise',
      // The manifest and its icons are added by the plugin itself.
      globPatterns: ['**/*.{js,css,html,wasm,json}'],
      globIgnores: ['models/**', '**/*.gguf', '**/webllm.worker-*.js', '**/wllama-*.wasm'],
      // The tokenizer chunk is ~5 MB and needed by every run.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      cleanupOutdatedCaches: true,
      // The first install controls the open page at once (nothing to swap); an update still waits.
      clientsClaim: true,
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/^\/models\//],
      // The hand-written worker this one replaces kept its own cache; remove it.
      importScripts: ['sw-legacy-cleanup.js'],
      runtimeCaching: [
        {
          urlPattern: ENGINE_ASSETS,
          handler: 'CacheFirst',
          options: {
            cacheName: 'clinrevise-engine-code',
            // Hashed names: a new build adds new entries, and the oldest go once there are more than a few versions' worth.
            // A full storage must not break loading the engine: Workbox still answers from the network
            // (tests/e2e/offlineGguf.e2e.test.ts), and on QuotaExceededError this cache, once this
            // worker has used it, is dropped to free space (it only holds copies of the app's files).
            expiration: { maxEntries: 8, purgeOnQuotaError: true },
            cacheableResponse: { statuses: [200] },
          },
        },
      ],
    },
  });
}

export default defineConfig({
  plugins: [svelte(), contentSecurityPolicyMeta(), serviceWorker()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
});
