// The on-device engine in real headless Chromium: the built app, web-llm 0.2.86 in its worker, and
// SwiftShader's real WebGPU adapter (no shader-f16). No model weights exist here, so loads are
// pointed at a scripted model host on 127.0.0.1 that answers 404, hangs, or is not there at all.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from '../support/appDriver';

interface ModelHost {
  url: string;
  requests: { method: string; path: string }[];
  /** Paths of requests the host left hanging that the browser has since closed. */
  closedHanging: string[];
  close(): Promise<void>;
}

/** A model host double: /hang/ serves a config then never answers for the model library; anything else is 404. */
async function startModelHost(): Promise<ModelHost> {
  const requests: { method: string; path: string }[] = [];
  const closedHanging: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? 'GET', path });
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (path === '/hang/resolve/main/mlc-chat-config.json') {
      return void res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ context_window_size: 4096, conv_template: {} }));
    }
    if (path.startsWith('/hang/')) {
      res.on('close', () => closedHanging.push(path));
      return; // never answers
    }
    res.writeHead(404, { ...cors, 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    closedHanging,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

/** Chooses a custom MLC model in Settings and saves it. */
async function configureCustomModel(page: Page, modelUrl: string, libUrl: string): Promise<void> {
  await nav(page, 'Settings');
  await page.getByRole('radio', { name: /On this device/ }).check();
  await page.getByRole('radio', { name: /Custom MLC model/ }).check();
  await page.getByLabel('Name').fill('test-model-q4f32_1');
  await page.getByLabel('Model URL (converted weights)').fill(modelUrl);
  await page.getByLabel('Model-library URL (.wasm)').fill(libUrl);
  await page.getByRole('checkbox', { name: /needs shader-f16/ }).uncheck();
  await page.getByRole('button', { name: 'Save' }).first().click();
  await page.getByText('Saved.').first().waitFor();
}

async function askQuestion(page: Page, question: string): Promise<void> {
  await nav(page, 'Ask');
  await page.getByLabel('Question', { exact: true }).fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
}

describe('on-device engine with WebGPU (SwiftShader)', () => {
  let session: AppSession;
  let host: ModelHost;
  const otherOrigins: string[] = [];
  const workers: string[] = [];
  // The Qwen3 tokenizer's worker (the app's own file) may start with an on-device engine; what must
  // not start before the checks pass is the engine's worker, which would download the model.
  const engineWorkers = () => workers.filter((url) => !url.includes('tokenizer'));

  beforeAll(async () => {
    host = await startModelHost();
    session = await openApp();
    session.page.on('request', (request) => {
      const origin = new URL(request.url()).origin;
      if (origin !== session.app.url && origin !== host.url && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) {
        otherOrigins.push(request.url());
      }
    });
    session.page.on('worker', (worker) => workers.push(worker.url()));
  });
  afterAll(async () => {
    await session?.close();
    await host?.close();
  });

  it('keeps web-llm out of the page: nothing of it loads until a model does', async () => {
    await session.page.getByRole('heading', { name: 'Ask' }).waitFor();
    expect(session.app.requested.some((p) => p.includes('webllm.worker'))).toBe(false);
    expect(engineWorkers()).toEqual([]);
  });

  it('new users start on the on-device engine with a Qwen3 model, and Ask says what will download', async () => {
    const status = session.page.getByTestId('model-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/Qwen3 4B \(q4f16\).*not downloaded yet \(≈2\.26 GB, once\)/s);
  });

  it('the probe reports the SwiftShader adapter without shader-f16, and the catalog marks f16 models as unable to run', async () => {
    const { page } = session;
    await nav(page, 'Settings');
    await expect.poll(() => page.getByTestId('gpu-adapter').textContent()).toMatch(/google swiftshader \(software/);
    expect(await page.getByTestId('gpu-f16').textContent()).toMatch(/^no/);
    const f16 = page.locator('[data-model="Qwen3-4B-q4f16_1-MLC"] [data-fit]');
    expect(await f16.getAttribute('data-fit')).toBe('cannot');
    expect(await f16.textContent()).toMatch(/cannot run here: needs shader-f16/);
    expect(await page.locator('[data-model="Qwen3-4B-q4f32_1-MLC"] [data-fit]').getAttribute('data-fit')).toBe('runs');
    expect(await page.locator('[data-model="Qwen3-4B-q4f32_1-MLC"]').textContent()).toMatch(/recommended here/);
    // Every q4f16 entry, prebuilt or recipe, is marked unable to run.
    const verdicts = await page.locator('[data-model*="q4f16"] [data-fit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-fit')));
    expect(verdicts.length).toBeGreaterThanOrEqual(6);
    expect(new Set(verdicts)).toEqual(new Set(['cannot']));
    // The reasons are data worded by the catalogs: in Chinese, no English sentence is left.
    await page.locator('#ui-language').selectOption('zh-Hans');
    await expect.poll(() => f16.textContent()).toBe('无法在本设备运行：需要 shader-f16，而此 GPU 不支持');
    expect(await page.locator('[data-model="Qwen3-4B-q4f32_1-MLC"] .hint').first().textContent()).toContain('软件适配器：将在 CPU 上运行，速度很慢');
    await f16.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/screenshots/settings-webllm-fit-zh-Hans-1280.png' });
    await page.locator('#ui-language').selectOption('en');
    await expect.poll(() => f16.textContent()).toMatch(/cannot run here: needs shader-f16/);
  });

  it('asking with a q4f16 model stops before any download with the reason and the q4f32 alternative', async () => {
    const { page } = session;
    await askQuestion(page, 'Is a fever of 38.5 °C dangerous for an adult?');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/needs the GPU feature shader-f16.*Qwen3 4B \(q4f32\)/s);
    expect(engineWorkers()).toEqual([]);
    expect(otherOrigins).toEqual([]);
  });

  it('when the chosen model cannot run here, Ask offers the one that does in one click, and it is kept', async () => {
    const { page } = session;
    const status = page.getByTestId('model-status');
    await status.getByRole('button', { name: /Use Qwen3 4B \(q4f32\) instead/ }).click();
    // The offer's own label names the model, so wait for the offer to go rather than for the name.
    await expect.poll(() => status.getByRole('button', { name: /instead/ }).count()).toBe(0);
    expect(await status.textContent()).toMatch(/Qwen3 4B \(q4f32\)/);
    await page.reload();
    await expect.poll(() => page.getByTestId('model-status').textContent()).toMatch(/Qwen3 4B \(q4f32\).*runs here/s);
    expect(engineWorkers()).toEqual([]);
  });

  it('a model whose files answer 404 ends in our clear error naming the file, not a hang', async () => {
    const { page } = session;
    await configureCustomModel(page, `${host.url}/missing/test-model`, `${host.url}/missing/test-model.wasm`);
    await askQuestion(page, 'How long does a sprained ankle take to heal?');
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    const text = await alert.textContent();
    expect(text).toContain(`${host.url}/missing/test-model/resolve/main/mlc-chat-config.json`);
    expect(text).toMatch(/HTTP 404/);
    expect(workers.some((w) => w.includes('webllm.worker'))).toBe(true);
    // web-llm asked for the config under resolve/main/ (then our check looked at it once more).
    expect(host.requests.map((r) => r.path)).toContain('/missing/test-model/resolve/main/mlc-chat-config.json');
    expect(otherOrigins).toEqual([]);
  });

  it('a self-hosted model missing from the app’s own origin (which answers with its page) is reported as a missing file', async () => {
    const { page } = session;
    await configureCustomModel(page, `${session.app.url}/models/not-there`, `${session.app.url}/models/libs/not-there.wasm`);
    await askQuestion(page, 'What is a normal resting heart rate?');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`${session.app.url}/models/not-there/resolve/main/mlc-chat-config\\.json could not be downloaded`));
    expect(otherOrigins).toEqual([]);
  });

  it('a model host that cannot be reached ends in the resumable download error', async () => {
    const { page } = session;
    const closed = await startModelHost();
    const closedUrl = closed.url;
    await closed.close();
    await configureCustomModel(page, `${closedUrl}/m`, `${closedUrl}/m.wasm`);
    await askQuestion(page, 'Can I take ibuprofen with a cold?');
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 60_000 }).toMatch(/Downloading the model from 127\.0\.0\.1:\d+ failed.*continues where it stopped/s);
  });

  it('Cancel during loading stops the download and leaves the page usable', async () => {
    const { page } = session;
    await configureCustomModel(page, `${host.url}/hang/test-model`.replace('/test-model', ''), `${host.url}/hang/test-model.wasm`);
    await askQuestion(page, 'What helps a tension headache?');
    await page.getByRole('button', { name: 'Cancel' }).waitFor();
    await expect.poll(() => host.requests.some((r) => r.path === '/hang/test-model.wasm'), { timeout: 60_000 }).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Cancel' }).waitFor({ state: 'detached' });
    // Terminating the worker closed the hanging download.
    await expect.poll(() => host.closedHanging, { timeout: 10_000 }).toContain('/hang/test-model.wasm');
    expect(await page.getByRole('alert').textContent()).toMatch(/Stopped/);
    await expect(page.getByRole('button', { name: 'Ask', exact: true }).isEnabled()).resolves.toBe(true);
    expect(session.pageErrors).toEqual([]);
  });

  it('Settings lists stored models with their size, deletes one, and shows storage used', async () => {
    const { page } = session;
    const base = 'https://models.test/mlc-ai/Qwen3-0.6B-q4f32_1-MLC/resolve/main/';
    await page.evaluate(async (b) => {
      const model = await caches.open('webllm/model');
      await model.put(`${b}tensor-cache.json`, new Response(JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin', nbytes: 3_000_000 }] })));
      await model.put(`${b}params_shard_0.bin`, new Response(new Uint8Array(3_000_000)));
      await (await caches.open('webllm/config')).put(`${b}mlc-chat-config.json`, new Response('{}'));
    }, base);
    await nav(page, 'Ask');
    await nav(page, 'Settings');
    const row = page.locator('[data-testid="stored-model"][data-name="Qwen3-0.6B-q4f32_1-MLC"]');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/3 MB/);
    expect(await page.locator('[data-model="Qwen3-0.6B-q4f32_1-MLC"] [data-testid="cached-tag"]').textContent()).toMatch(/downloaded/);
    expect(await page.getByTestId('storage-estimate').textContent()).toMatch(/This site uses [\s\S]* free/);
    await row.getByRole('button', { name: /Delete/ }).click();
    await row.waitFor({ state: 'detached' });
    const left = await page.evaluate(async () => (await (await caches.open('webllm/model')).keys()).map((r) => r.url));
    expect(left.filter((u) => u.includes('Qwen3-0.6B'))).toEqual([]);
  });
});

describe('on-device engine without WebGPU', () => {
  let session: AppSession;

  beforeAll(async () => {
    session = await openApp({ webgpu: false });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('Ask explains why, which browsers work, and offers the other engines', async () => {
    const { page } = session;
    const section = page.getByTestId('no-webgpu');
    await section.waitFor();
    const text = await section.textContent();
    expect(text).toMatch(/cannot run the on-device model/);
    expect(text).toMatch(/Chrome or Edge 113/);
    expect(text).toMatch(/Safari 26/);
    expect(text).toMatch(/OpenAI-compatible server/);
    await section.getByRole('link', { name: /Choose another engine/ }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
  });

  it('Settings marks the engine unavailable and switches to a server engine in one click', async () => {
    const { page } = session;
    expect(await page.getByTestId('gpu-adapter').textContent()).toMatch(/none available/);
    expect(await page.locator('[data-model="Qwen3-0.6B-q4f32_1-MLC"] [data-fit]').getAttribute('data-fit')).toBe('cannot');
    await page.getByRole('button', { name: 'Choose another engine' }).click();
    await page.getByLabel('Server URL').waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});

describe('the app with the network off', () => {
  let session: AppSession;

  beforeAll(async () => {
    session = await openApp();
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Paths the service worker has stored: its precache of the app and the engine code it keeps once used. */
  const shellFiles = () =>
    session.page.evaluate(async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith('clinrevise-'));
      const requests = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat();
      return requests.map((r) => new URL(r.url).pathname);
    });

  it('reloads offline and still runs the on-device engine’s code (only model files would be needed)', async () => {
    const { page, context } = session;
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await shellFiles()).some((p) => /\/assets\/index-.*\.js$/.test(p)), { timeout: 30_000 }).toBe(true);

    // Use the engine once online (the model host is not there: this only brings in the worker's code).
    const gone = await startModelHost();
    const goneUrl = gone.url;
    await gone.close();
    await configureCustomModel(page, `${goneUrl}/m`, `${goneUrl}/m.wasm`);
    await askQuestion(page, 'Is it safe to run with a cold?');
    await page.getByRole('alert').waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await shellFiles()).some((p) => p.includes('webllm.worker')), { timeout: 30_000 }).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Ask' }).waitFor();
    await page.getByTestId('model-status').waitFor();
    await askQuestion(page, 'Is it safe to run with a cold?');
    // The worker and web-llm start from the stored copy; the error is about the model files only.
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 60_000 }).toMatch(/Downloading the model from 127\.0\.0\.1:\d+ failed/);
    expect(session.pageErrors).toEqual([]);
    await context.setOffline(false);
  });
});
