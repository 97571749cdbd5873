// English, the source of truth: every namespace is registered here (one line each) and in
// ../zh-Hans/index.ts. English is bundled with the page; other languages load on demand.

import ask from './ask';
import common from './common';
import data from './data';
import engine from './engine';
// `eval` cannot name a binding in a module; the namespace is still `eval`.
import evaluation from './eval';
import errors from './errors';
import history from './history';
import lock from './lock';
import principles from './principles';
import rubrics from './rubrics';
import settings from './settings';

export const en = { common, ask, history, principles, rubrics, settings, engine, errors, data, eval: evaluation, lock };

/** The catalog's shape; every language provides a `Translation` of each namespace. */
export type Resources = typeof en;
