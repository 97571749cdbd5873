#!/usr/bin/env node
// Entry point of `npx clinrevise`: runs the TypeScript CLI through tsx, so the CLI and the app share
// one core with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
