import { describe, expect, it } from 'vitest';
import { describeError, isAbortError } from '../../core/errors';
import { StorageQuotaExceededError } from '../errors';
import { GpuDeviceLostError, GpuOutOfMemoryError, ModelContextFullError, ModelDownloadFailedError, ModelFilesNotFoundError, ModelLibraryInvalidError, OnDeviceEngineError, ShaderF16UnavailableError, WebGpuUnavailableError } from './errors';
import { DEFAULT_WEBLLM_SETTINGS } from './settings';
import { mapWebLlmError } from './mapError';
import { resolveModel } from './modelSpec';
import { toWireError } from './wireErrors';

const qwen4b = resolveModel({ ...DEFAULT_WEBLLM_SETTINGS, catalogId: 'Qwen3-4B-q4f16_1-MLC' });
const load = { phase: 'load' as const, model: qwen4b };
const chat = { phase: 'chat' as const, model: qwen4b };

describe('toWireError', () => {
  it('reads the name from a web-llm worker’s plain-string rejection', () => {
    expect(toWireError('DeviceLostError: Device was lost. This can happen due to insufficient memory')).toEqual({
      name: 'DeviceLostError',
      message: 'Device was lost. This can happen due to insufficient memory',
    });
    expect(toWireError('ShaderF16SupportError')).toEqual({ name: 'ShaderF16SupportError', message: '' });
    expect(toWireError('something odd happened')).toEqual({ name: 'Error', message: 'something odd happened' });
  });

  it('keeps the name of Errors and DOMExceptions', () => {
    expect(toWireError(new DOMException('quota', 'QuotaExceededError'))).toEqual({ name: 'QuotaExceededError', message: 'quota' });
    expect(toWireError(Object.assign(new Error('x'), { name: 'WebGPUNotAvailableError' })).name).toBe('WebGPUNotAvailableError');
  });
});

describe('mapWebLlmError', () => {
  it.each([
    ['WebGPUNotAvailableError', WebGpuUnavailableError],
    ['WebGPUNotFoundError', WebGpuUnavailableError],
    ['ShaderF16SupportError', ShaderF16UnavailableError],
    ['FeatureSupportError', ShaderF16UnavailableError],
    ['GPUOutOfMemoryError', GpuOutOfMemoryError],
    ['CompileError', ModelLibraryInvalidError],
    ['MissingModelWasmError', ModelLibraryInvalidError],
    ['ContextWindowSizeExceededError', ModelContextFullError],
    ['QuotaExceededError', StorageQuotaExceededError],
    ['TypeError', ModelDownloadFailedError],
    ['SomethingNewError', OnDeviceEngineError],
  ])('maps %s (load)', (name, cls) => {
    expect(mapWebLlmError({ name, message: 'm' }, load)).toBeInstanceOf(cls);
  });

  it('maps the same error from a worker’s plain string as from an error object', () => {
    expect(mapWebLlmError('ShaderF16SupportError: This model requires WebGPU extension shader-f16', load)).toBeInstanceOf(ShaderF16UnavailableError);
  });

  it('suggests the q4f32 twin when shader-f16 is missing', () => {
    expect(describeError(mapWebLlmError({ name: 'ShaderF16SupportError', message: '' }, load))).toMatch(/Qwen3 4B \(q4f32\)/);
  });

  it('device lost while loading means out of memory (suggest a smaller model); while answering, a lost device', () => {
    const whileLoading = mapWebLlmError({ name: 'DeviceLostError', message: '' }, load);
    expect(whileLoading).toBeInstanceOf(GpuOutOfMemoryError);
    expect(describeError(whileLoading)).toMatch(/Qwen3 1\.7B \(q4f16\)/);
    expect(mapWebLlmError({ name: 'DeviceLostError', message: '' }, chat)).toBeInstanceOf(GpuDeviceLostError);
    expect(mapWebLlmError({ name: 'OperationError', message: '', diagnosis: { kind: 'device_lost' } }, chat)).toBeInstanceOf(GpuDeviceLostError);
  });

  it('uses what the worker found by checking the files: 404 names the file, no connection is resumable', () => {
    const notFound = mapWebLlmError({ name: 'TypeError', message: '', diagnosis: { kind: 'http', url: 'http://h/m/resolve/main/mlc-chat-config.json', status: 404 } }, load);
    expect(notFound).toBeInstanceOf(ModelFilesNotFoundError);
    expect(describeError(notFound)).toContain('http://h/m/resolve/main/mlc-chat-config.json');
    const offline = mapWebLlmError({ name: 'TypeError', message: '', diagnosis: { kind: 'network', url: 'http://h:1/m' } }, load);
    expect(offline).toBeInstanceOf(ModelDownloadFailedError);
    expect((offline as ModelDownloadFailedError).resumable).toBe(true);
    expect(describeError(offline)).toMatch(/h:1.*continues where it stopped/);
  });

  it('says how much storage is needed and how much is free', () => {
    const quota = mapWebLlmError({ name: 'QuotaExceededError', message: '' }, { ...load, availableBytes: 1.2e9 });
    expect(describeError(quota)).toMatch(/about 2\.26 GB .* about 1\.2 GB more/);
    expect(describeError(quota)).toMatch(/Model storage/);
  });

  it('keeps aborts as aborts', () => {
    expect(isAbortError(mapWebLlmError({ name: 'AbortError', message: '' }, load))).toBe(true);
  });
});
