// A static server for the catalog download tests: serves a built app and model files with HTTP Range
// support, optionally slowly (so a test can pause mid-file), and records each request's Range header.

import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface RangeServer {
  url: string;
  /** Every request for a model file: its path and Range header (null without one). */
  modelRequests: { path: string; range: string | null }[];
  /** Replaces (or adds) the bytes served at a model path. */
  setModel(path: string, bytes: Uint8Array): void;
  close(): Promise<void>;
}

export interface RangeServerOptions {
  /** Model bytes by URL path. */
  models: Record<string, Uint8Array>;
  /** Bytes per chunk and the pause between chunks for model bodies (default: no throttling). */
  throttle?: { chunkBytes: number; delayMs: number };
}

/** Serves `root` (index.html as fallback) with cross-origin isolation headers, and `models` with Range support. */
export async function serveWithRanges(root: string, options: RangeServerOptions): Promise<RangeServer> {
  const base = resolve(root);
  const models = new Map(Object.entries(options.models));
  const modelRequests: RangeServer['modelRequests'] = [];
  const isolation = {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cross-origin-resource-policy': 'same-origin',
  };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const model = models.get(path);
    if (model) {
      const range = req.headers.range ?? null;
      modelRequests.push({ path, range });
      let start = 0;
      let end = model.length - 1;
      let status = 200;
      const headers: Record<string, string | number> = { ...isolation, 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes' };
      if (range) {
        const m = /^bytes=(\d+)-(\d*)$/.exec(range);
        if (!m || Number(m[1]) >= model.length) {
          res.writeHead(416, { ...headers, 'content-range': `bytes */${model.length}` }).end();
          return;
        }
        start = Number(m[1]);
        if (m[2]) end = Math.min(end, Number(m[2]));
        status = 206;
        headers['content-range'] = `bytes ${start}-${end}/${model.length}`;
      }
      headers['content-length'] = end - start + 1;
      res.writeHead(status, headers);
      const body = model.subarray(start, end + 1);
      const throttle = options.throttle;
      if (!throttle) {
        res.end(Buffer.from(body));
        return;
      }
      let at = 0;
      const next = () => {
        if (res.destroyed) return;
        if (at >= body.length) {
          res.end();
          return;
        }
        res.write(Buffer.from(body.subarray(at, at + throttle.chunkBytes)));
        at += throttle.chunkBytes;
        setTimeout(next, throttle.delayMs);
      };
      next();
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
    res.writeHead(200, { ...isolation, 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    modelRequests,
    setModel: (path, bytes) => void models.set(path, bytes),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Reads a file as bytes (for `models`). */
export const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
