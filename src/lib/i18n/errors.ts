// The one place an error becomes UI text in the current language. Errors are matched by their
// stable `code` (never by message text); English is the error class's own message, other languages
// come from the `errors` namespace, filled from the error's public fields.

import { ClinReviseError, describeError, isAbortError } from '../core/errors';
import type { StepName } from '../core/types';
import { formatNumber, formatSize } from '../components/format';
import { StorageFullError, isQuotaExceeded } from '../db/errors';
import { locale, t } from './index.svelte';
import en from './locales/en/errors';

type ErrorKey = keyof typeof en;

/** A public field of an error, read without knowing its class (classes move between modules). */
function field(err: object, name: string): unknown {
  return (err as Record<string, unknown>)[name];
}
const text = (err: object, name: string): string => {
  const value = field(err, name);
  return typeof value === 'string' ? value : '';
};
const num = (err: object, name: string): number | null => {
  const value = field(err, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};
const size = (err: object, name: string): string => {
  const value = num(err, name);
  return value === null ? '' : formatSize(Math.max(0, value));
};

/** The translation of one of our errors, or null when the catalog has no entry for its code. */
function translate(err: ClinReviseError): string | null {
  const key = `errors:${err.code}` as `errors:${ErrorKey}`;
  if (err.name === 'StepFailedError') {
    const step = field(err, 'step') as StepName;
    return t('errors:step_failed', { step: t(`common:step.${step}`), detail: errorText(field(err, 'cause')) });
  }
  switch (err.code) {
    case 'server_http_error': {
      const status = num(err, 'status') ?? 0;
      const hint =
        status === 401 || status === 403
          ? t('errors:http_hint_auth')
          : status === 404
            ? t('errors:http_hint_not_found')
            : status >= 500
              ? t('errors:http_hint_server')
              : t('errors:http_hint_rejected');
      return t('errors:server_http_error', { server: text(err, 'server'), status, hint });
    }
    case 'server_timeout':
      return t('errors:server_timeout', { server: text(err, 'server'), seconds: formatNumber(num(err, 'seconds') ?? 0) });
    case 'truncated_output':
      return t('errors:truncated_output', { maxTokens: formatNumber(num(err, 'maxTokens') ?? 0) });
    case 'context_budget':
      return t('errors:context_budget', {
        needed: formatNumber(num(err, 'neededTokens') ?? 0),
        window: formatNumber(num(err, 'windowTokens') ?? 0),
      });
    case 'webgpu_unavailable':
      return t(field(err, 'reason') === 'no_api' ? 'errors:webgpu_unavailable' : 'errors:webgpu_no_adapter');
    case 'shader_f16_unavailable': {
      const alternative = text(err, 'alternative');
      return alternative
        ? t('errors:shader_f16_unavailable', { model: text(err, 'model'), alternative })
        : t('errors:shader_f16_no_alternative', { model: text(err, 'model') });
    }
    case 'storage_quota_exceeded': {
      const needed = num(err, 'neededBytes');
      const available = num(err, 'availableBytes');
      const need = needed === null ? t('errors:quota_need_unknown') : t('errors:quota_need', { size: size(err, 'neededBytes') });
      const have = available === null ? t('errors:quota_have_unknown') : t('errors:quota_have', { size: size(err, 'availableBytes') });
      return t('errors:storage_quota_exceeded', { need, have });
    }
    case 'gpu_out_of_memory': {
      const smaller = text(err, 'smaller');
      return smaller
        ? t('errors:gpu_out_of_memory', { model: text(err, 'model'), smaller })
        : t('errors:gpu_out_of_memory_no_smaller', { model: text(err, 'model') });
    }
    case 'model_context_full': {
      const window = num(err, 'windowTokens');
      return window === null ? t('errors:model_context_full_unknown') : t('errors:model_context_full', { window: formatNumber(window) });
    }
    case 'invalid_structured_output': {
      const problems = field(err, 'problems');
      const detail = Array.isArray(problems) ? problems.slice(0, 3).join('; ') : '';
      return t('errors:invalid_structured_output', { detail });
    }
    case 'gguf_truncated':
      return t('errors:gguf_truncated', { file: text(err, 'fileName'), expected: size(err, 'expectedBytes'), actual: size(err, 'actualBytes') });
    case 'gguf_insufficient_storage':
      return t('errors:gguf_insufficient_storage', { modelName: text(err, 'modelName'), needed: size(err, 'neededBytes'), free: size(err, 'freeBytes') });
    case 'gguf_integrity':
      return t('errors:gguf_integrity', {
        file: text(err, 'fileName'),
        actual: text(err, 'actualSha256'),
        expected: text(err, 'expectedSha256'),
        source: t(field(err, 'expectedFrom') === 'catalog' ? 'errors:gguf_integrity_catalog' : 'errors:gguf_integrity_first_download'),
      });
    case 'gguf_too_large':
      return t('errors:gguf_too_large', { file: text(err, 'fileName'), needed: size(err, 'neededBytes'), limit: size(err, 'limitBytes') });
  }
  if (!(err.code in en)) return null;
  // The key is chosen at run time from the code, so the per-key variable check cannot apply here;
  // every entry that reaches this line uses only the fields below (catalog.test.ts checks them).
  const byCode = t as unknown as (key: string, vars: Record<string, string | number>) => string;
  return byCode(key, {
    server: text(err, 'server'),
    detail: text(err, 'detail'),
    host: text(err, 'host'),
    url: text(err, 'url'),
    status: num(err, 'status') ?? '',
    model: text(err, 'model'),
    name: text(err, 'engineErrorName'),
    file: text(err, 'fileName'),
    modelName: text(err, 'modelName'),
    recordId: text(err, 'recordId'),
  });
}

/**
 * Any error as text for the user, in the current language. Our errors are translated by code;
 * an error this catalog does not know yet keeps its English wording rather than showing nothing.
 */
export function errorText(err: unknown): string {
  // The browser's own "quota exceeded", from wherever it comes, reads as our one storage-full message.
  if (isQuotaExceeded(err) && !(err instanceof ClinReviseError)) return errorText(new StorageFullError());
  if (locale.language === 'en') return describeError(err);
  if (isAbortError(err)) return t('errors:stopped');
  if (err instanceof ClinReviseError) return translate(err) ?? describeError(err);
  if (err instanceof Error) return t('errors:unexpected', { detail: err.message });
  if (typeof err === 'string') return t('errors:unexpected', { detail: err });
  return t('errors:unexpected_bare');
}
