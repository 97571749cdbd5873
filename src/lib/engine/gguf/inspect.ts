// Looking at a GGUF model before it is stored or loaded: read every part's header, describe the
// model, and refuse what cannot run here. Settings (files, URLs, stored models) and the worker use it.

import { blobSource, readGgufHeader, type ByteSource } from './ggufHeader';
import { assertRunnable, describeGguf, orderModelFiles, splitPartUrls, type GgufModelInfo, type MemoryEstimate } from './ggufModel';
import { openHttpSource } from './httpSource';
import { openStoredModel } from './modelStore';
import { MIN_CONTEXT } from './contextChoice';

/** The smallest context the settings allow: a model that does not fit even then is refused before copying. */
export const SMALLEST_CONTEXT = MIN_CONTEXT;

/** Reads the header of every part (any order) and describes the model; no check that it runs here. */
export async function describeModel(sources: readonly ByteSource[], signal?: AbortSignal): Promise<GgufModelInfo> {
  return describeGguf(await Promise.all(sources.map((source) => readGgufHeader(source, signal))));
}

/**
 * Describes the model and checks it can run here with `contextSize` tokens of context. Throws the
 * header reader's errors, GgufMissingPartsError, GgufUnsupportedError or GgufTooLargeError.
 */
export async function inspectModel(
  sources: readonly ByteSource[],
  contextSize: number,
  signal?: AbortSignal,
): Promise<{ info: GgufModelInfo; estimate: MemoryEstimate }> {
  const info = await describeModel(sources, signal);
  return { info, estimate: assertRunnable(info, contextSize) };
}

/** Files or Blobs as byte sources (each read is a slice: only the header is read). */
export function fileSources(files: readonly Blob[]): ByteSource[] {
  return files.map((file) => blobSource(file));
}

/** Each URL opened for header reading over HTTP (range requests), nothing downloaded. */
export function urlSources(urls: readonly string[], signal?: AbortSignal): Promise<ByteSource[]> {
  return Promise.all(urls.map((url) => openHttpSource(url, signal)));
}

/** Reads and checks the headers of a model's files (any order; split parts are ordered first). */
export async function inspectModelFiles(files: readonly File[]): Promise<{ files: File[]; info: GgufModelInfo }> {
  const ordered = orderModelFiles(files);
  const { info } = await inspectModel(fileSources(ordered), SMALLEST_CONTEXT);
  return { files: ordered, info };
}

/** Reads the header of the model at a URL (every part of a split model) without downloading it. */
export async function inspectModelUrl(url: string, signal?: AbortSignal): Promise<GgufModelInfo> {
  const absolute = new URL(url, location.href).href;
  const { info } = await inspectModel(await urlSources(splitPartUrls(absolute), signal), SMALLEST_CONTEXT, signal);
  return info;
}

/** Describes a model stored in this browser from its files' headers. */
export async function describeStoredModel(id: string): Promise<GgufModelInfo> {
  const { files } = await openStoredModel(id);
  return describeModel(fileSources(files));
}
