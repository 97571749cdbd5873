// Reads the shipped HealthPrinciples library from principles/ on disk (the app bundles the same files).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Principle } from '../src/lib/core/types';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'principles');

interface Manifest {
  version: string;
  files: string[];
  /** Ids the library no longer ships (never reused) and what replaced each. */
  retired: { id: string; replaced_by: string[]; since: string; reason: string }[];
  /** Pairs of principles whose advice conflicts, and how the library keeps them apart. */
  conflicts: { ids: [string, string]; resolution: 'gate' | 'wording'; exemption?: { id: string; text: string }; note: string }[];
}

/** The library manifest (name, version, files). */
export function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(DIR, 'library.json'), 'utf8')) as Manifest;
}

/** Every shipped principle, in file order. */
export function readShippedPrinciples(): Principle[] {
  return readManifest().files.flatMap((file) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Principle[]);
}
