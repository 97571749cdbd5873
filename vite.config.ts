import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  plugins: [svelte(), contentSecurityPolicyMeta()],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
});
