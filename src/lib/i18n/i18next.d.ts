// Teaches i18next's types our catalogs, so `t('ns:key')` is checked by svelte-check and tsc.

import 'i18next';
import type { Resources } from './locales/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
