// Serves the built app (dist/) on 127.0.0.1 the way a static host should: with the cross-origin
// isolation headers the GGUF engine's threads need, correct MIME types, and index.html as fallback.

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gguf': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  /** Paths requested, in order (to check that nothing unexpected was fetched). */
  requested: string[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Send the cross-origin isolation headers (default true); false serves the app like a plain static host. */
  isolation?: boolean;
  /** Extra files by URL path (e.g. a model under /models/), as if they were deployed next to the app. */
  files?: Record<string, string>;
}

export async function serveStatic(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const base = resolve(root);
  const isolation = options.isolation ?? true;
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requested.push(path);
    let file = options.files?.[path] ?? normalize(join(base, path));
    if (!options.files?.[path] && !file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      ...(isolation
        ? {
            'cross-origin-opener-policy': 'same-origin',
            'cross-origin-embedder-policy': 'require-corp',
            'cross-origin-resource-policy': 'same-origin',
          }
        : {}),
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requested,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
