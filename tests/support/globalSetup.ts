// Before the browser tests: build the app once, so they drive exactly what users get; write the GGUF
// fixtures and build the GGUF engine's test page (tests/harness).

import { resolve } from 'node:path';
import { build } from 'vite';
import { findChromium } from './chromium';
import { GGUF_HARNESS_DIR, ensureGgufFixtures } from './ggufFixtures';

export default async function setup(): Promise<void> {
  if (!findChromium()) throw new Error('Browser tests need Chromium: run `apt-get install -y chromium` (npm test does this when run as root).');
  await build({ logLevel: 'warn' });
  ensureGgufFixtures();
  await build({
    root: resolve('tests/harness'),
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: resolve(GGUF_HARNESS_DIR), emptyOutDir: true },
  });
}
