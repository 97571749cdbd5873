// Launching Debian's Chromium through playwright-core (Playwright's own browser download does not
// work here). WebGPU is enabled so SwiftShader provides a real adapter on CPU-only machines.

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(
  (p): p is string => Boolean(p),
);

/** The Chromium executable, or null when none is installed. */
export function findChromium(): string | null {
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Launches headless Chromium; `webgpu: false` leaves WebGPU off (navigator.gpu then offers no adapter). */
export async function launchChromium(options: { webgpu?: boolean } = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium is not installed: run `apt-get install -y chromium` (npm test does this when run as root).');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      // Tests read English text; the app follows the browser's language, so pin it whatever the machine's locale.
      '--lang=en-US',
      ...(options.webgpu === false ? [] : ['--enable-unsafe-webgpu']),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
