#!/usr/bin/env node
// The README's test command: makes sure Debian's Chromium is present (installing it when run as
// root on Debian), type-checks, then runs unit and real-browser tests. Exits non-zero on any failure.

import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/** Runs a command with inherited output; exits with its status if it fails.
 * @param {string} cmd
 * @param {string[]} args
 */
function run(cmd, args) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!CHROMIUM.some((p) => existsSync(p)) && !process.env.CHROMIUM_PATH) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian chromium for the browser tests…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error('The browser tests need Chromium. Install it with: sudo apt-get install -y chromium');
    process.exit(1);
  }
}

run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
run('npx', ['vitest', 'run', '--project', 'unit']);
const chromium = process.env.CHROMIUM_PATH ?? CHROMIUM.find((p) => existsSync(p));
const version = spawnSync(chromium ?? 'chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'Chromium';
console.log(`\nReal-browser tests: the built app in headless ${version} (${chromium}), WebGPU via SwiftShader`);
run('npx', ['vitest', 'run', '--project', 'e2e']);
