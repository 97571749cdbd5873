// A model host on another origin than the app (127.0.0.1, its own port), as a user's own file server
// would be: serves model files with CORS and HTTP Range support and records every request, so a test
// can tell the configured engine host from anywhere else.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ModelHost {
  url: string;
  /** Every request: method, path and Range header. */
  requests: { method: string; path: string; range: string | null }[];
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'content-length, content-range, accept-ranges, etag',
  // The app is cross-origin isolated; a CORS response passes COEP, this keeps no-cors loads working too.
  'cross-origin-resource-policy': 'cross-origin',
};

/** Serves `files` (URL path → bytes); anything else is 404. */
export async function startModelHost(files: Record<string, Uint8Array>): Promise<ModelHost> {
  const requests: ModelHost['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const range = req.headers.range ?? null;
    requests.push({ method: req.method ?? 'GET', path, range });
    if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
    const bytes = files[path];
    if (!bytes) return void res.writeHead(404, { ...CORS, 'content-type': 'text/plain' }).end('not found');
    const common = { ...CORS, 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes' };
    const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range) : null;
    if (match) {
      const start = match[1] ? Number(match[1]) : Math.max(0, bytes.length - Number(match[2]));
      const end = match[1] && match[2] ? Math.min(Number(match[2]), bytes.length - 1) : bytes.length - 1;
      if (start >= bytes.length || start > end) {
        return void res.writeHead(416, { ...common, 'content-range': `bytes */${bytes.length}` }).end();
      }
      res.writeHead(206, { ...common, 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'content-length': end - start + 1 });
      return void res.end(req.method === 'HEAD' ? undefined : Buffer.from(bytes.subarray(start, end + 1)));
    }
    res.writeHead(200, { ...common, 'content-length': bytes.length });
    res.end(req.method === 'HEAD' ? undefined : Buffer.from(bytes));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
