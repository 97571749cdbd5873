// Simplified Chinese, loaded only when chosen. Register each namespace here as in ../en/index.ts;
// the type annotation below fails the build if one is missing.

import type { Translation } from '../../catalog';
import type { Resources } from '../en';
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

export const zhHans: { [NS in keyof Resources]: Translation<Resources[NS]> } = { common, ask, history, principles, rubrics, settings, engine, errors, data, eval: evaluation, lock };
