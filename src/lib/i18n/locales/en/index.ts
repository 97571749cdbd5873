// English, the source of truth: every namespace is registered here (one line each) and in
// ../zh-Hans/index.ts. English is bundled with the page; other languages load on demand.

import ask from './ask';
import common from './common';
import data from './data';
import engine from './engine';
// `eval` cannot name a binding in a module; the namespace is still `eval`. It, `principles` and
// `rubrics` are used only by pages loaded on demand, so they are not bundled with the first visit.
import type evaluation from './eval';
import errors from './errors';
import history from './history';
import lock from './lock';
import type principles from './principles';
import type rubrics from './rubrics';
import settings from './settings';

/** The namespaces bundled with the page. */
export const en = { common, ask, history, settings, engine, errors, data, lock };

/** The namespaces loaded with the pages that use them (see `loadPageCatalogs` in ../../index.svelte.ts). */
export const enOnDemand = {
  eval: () => import('./eval').then((m) => m.default),
  principles: () => import('./principles').then((m) => m.default),
  rubrics: () => import('./rubrics').then((m) => m.default),
};

/** The catalog's shape; every language provides a `Translation` of each namespace. */
export type Resources = typeof en & { eval: typeof evaluation; principles: typeof principles; rubrics: typeof rubrics };
