// Guards the layout the tree is meant to tell (README "Layout"): no import circles anywhere in src/,
// core depends on nothing else in src/, and outside engine/ an engine is reached only through its
// index.ts (or the engine root's shared modules). Reads the source files' import lines; no bundler.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '..');
const CORE = join(SRC, 'lib', 'core');
const ENGINE = join(SRC, 'lib', 'engine');

/** Every .ts and .svelte file under `dir` (tests included: a test that imports in a circle is one too). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The relative specifiers a file imports: static imports and re-exports (type-only ones too),
 * dynamic import(), and `new URL('./x.ts', import.meta.url)` (how a worker file is started).
 */
export function importSpecifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[\w*{}\s,$]*?\s*from\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bnew\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
  ];
  const found = patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
  return found.filter((spec) => spec.startsWith('.'));
}

/** The file a relative specifier names, trying the extensions and index files Vite resolves. */
function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  const candidates = [base, `${base}.ts`, `${base}.svelte.ts`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Import graph of src/: file → the files it imports (only files inside src/). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const targets = importSpecifiers(readFileSync(file, 'utf8'))
      .map((spec) => resolveImport(file, spec))
      .filter((target): target is string => target !== null && target.startsWith(SRC));
    graph.set(file, targets);
  }
  return graph;
}

/** Every import circle, each as the files along it (Tarjan's strongly connected components). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.reverse());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

const rel = (file: string) => relative(SRC, file);

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('finds the files and their imports (the check below is not vacuous)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get(join(ENGINE, 'createEngine.ts'))).toContain(join(ENGINE, 'webllm', 'engine.ts'));
    expect(graph.get(join(ENGINE, 'webllm', 'browserDeps.ts'))).toContain(join(ENGINE, 'webllm', 'webllm.worker.ts'));
  });

  it('has no import circles', () => {
    // Each entry: the files that import one another in a circle (one strongly connected group).
    expect(findCycles(graph).map((cycle) => cycle.map(rel).join(', '))).toEqual([]);
  });

  it('keeps src/lib/core free of imports from the rest of src/', () => {
    const outside = [...graph].flatMap(([file, targets]) =>
      file.startsWith(CORE + '/') ? targets.filter((t) => !t.startsWith(CORE + '/')).map((t) => `${rel(file)} → ${rel(t)}`) : [],
    );
    expect(outside).toEqual([]);
  });

  it('reaches an engine from outside engine/ only through its index.ts or the engine root', () => {
    const internal = [...graph].flatMap(([file, targets]) =>
      file.startsWith(ENGINE + '/')
        ? []
        : targets
            .filter((t) => t.startsWith(ENGINE + '/') && dirname(t) !== ENGINE && !t.endsWith('/index.ts'))
            .map((t) => `${rel(file)} → ${rel(t)}`),
    );
    expect(internal).toEqual([]);
  });
});

describe('findCycles', () => {
  it('reports a circle and a self-import, and nothing for a tree', () => {
    const cyclic = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(findCycles(cyclic)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });

  it('reads the kinds of import a file can make', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "export * from './d';",
      "import './e.css';",
      "const f = await import('./f');",
      "new Worker(new URL('./g.ts', import.meta.url));",
      "import { h } from 'package';",
      'import {\n  i,\n  type I,\n} from "./i";',
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(['../b', './a', './c', './d', './e.css', './f', './g.ts', './i']);
  });
});
