// A stand-in for "some other site" in privacy tests: an HTTP server on 127.0.0.2 (a second loopback
// address, never a public one) that records every request it receives, so a test can demand none.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A 1×1 transparent PNG, so an image that does get requested also loads (and would be visible). */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface ForeignHost {
  /** host:port, e.g. `127.0.0.2:41234` (fills `{{FOREIGN}}` in tests/fixtures/xssPayloads.ts). */
  host: string;
  /** Every request received: method and path with query. */
  hits: string[];
  close(): Promise<void>;
}

/** Starts the recording server on 127.0.0.2 and a free port. */
export async function startForeignHost(): Promise<ForeignHost> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    // Permissive on purpose: if the app ever did request this host, the resource would load and the
    // test would see it, rather than the browser hiding the leak behind a CORS or CORP failure.
    res.writeHead(200, {
      'content-type': 'image/png',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
    });
    res.end(PIXEL);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.2:${port}`,
    hits,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
