// Before the browser tests: build the app once, so they drive exactly what users get.

import { build } from 'vite';
import { findChromium } from './chromium';

export default async function setup(): Promise<void> {
  if (!findChromium()) throw new Error('Browser tests need Chromium: run `apt-get install -y chromium` (npm test does this when run as root).');
  await build({ logLevel: 'warn' });
}
