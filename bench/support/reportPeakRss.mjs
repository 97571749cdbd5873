// Preloaded into a benchmarked child process: prints its peak resident memory (KiB) on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\nPEAK_RSS_KIB ${process.resourceUsage().maxRSS}\n`));
