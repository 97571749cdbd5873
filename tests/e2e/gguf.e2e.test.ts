// The GGUF engine through the real app in headless Chromium: choosing, dropping and storing model
// files in Settings, a broken model, loading with progress, Stop, and a whole revision run — all on
// the project's tiny llama model running in wllama. Real inference; the answers are gibberish.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from '../support/appDriver';
import { FIXTURES, fixturePath } from '../support/ggufFixtures';
import { seenTexts, watchTexts } from '../support/pageWatch';

let session: AppSession;

beforeAll(async () => {
  // The app, also serving a model next to it (as for an air-gapped demo).
  session = await openApp({ files: { '/models/tiny.gguf': fixturePath(FIXTURES.tiny) } });
});
afterAll(async () => {
  await session?.close();
});

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
}

/** Drops files on the drop zone the way a file manager would (a real DataTransfer with Files). */
async function dropFiles(page: Page, names: string[]): Promise<void> {
  const files = names.map((name) => ({ name, base64: readFileSync(fixturePath(name)).toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  await page.getByTestId('gguf-dropzone').dispatchEvent('drop', { dataTransfer: transfer });
}


async function ask(page: Page, question: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Ask' }).click();
  await page.getByLabel('Question', { exact: true }).fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
}

const storedList = (page: Page) => page.locator('.gguf-form .stored-models li');

describe('GGUF model in the app (real wllama in Chromium)', () => {
  it('stores a picked file in the browser and describes it from its header', async () => {
    const { page } = session;
    await openSettings(page);
    await page.locator('input[name="engine-kind"][value="gguf"]').check();
    await expect.poll(() => page.getByLabel('GGUF file on this computer', { exact: true }).isChecked()).toBe(true);
    await page.getByText('No model is stored in this browser yet.').waitFor();
    await page.getByLabel('Choose a GGUF file').setInputFiles(fixturePath(FIXTURES.tiny));
    await expect.poll(() => storedList(page).count()).toBe(1);
    expect(await storedList(page).first().textContent()).toMatch(/tiny\.gguf · 1\.7 MB/);
    // The stored model is chosen once its settings are saved, a moment after it appears in the list.
    await expect.poll(() => storedList(page).first().getByRole('radio').isChecked()).toBe(true);
    const card = page.getByTestId('gguf-model-card');
    await card.waitFor();
    const fact = (name: string) => card.locator(`[data-fact="${name}"]`).textContent();
    expect(await fact('architecture')).toBe('llama');
    expect(await fact('quantization')).toBe('F32');
    expect(await fact('parameters')).toContain('419K');
    expect(await fact('context')).toBe('32,768 tokens');
    expect(await fact('size')).toContain('1.7 MB');
    // The context is automatic by default: the 32,768 tokens the tiny model was trained for fit easily.
    expect(await fact('memory')).toMatch(/Needs about [\d.]+ MB of memory at 32,768 tokens of context/);
    expect(await card.getByTestId('gguf-auto-context').textContent()).toBe('Context size automatic: 32,768 tokens, the context this model was trained for.');
    await expect.poll(() => page.getByTestId('gguf-storage').textContent()).toContain('Stored models use 1.7 MB');
    // The storage section lists the GGUF model too, instead of saying nothing is stored (issue 14).
    const storage = page.getByTestId('model-storage');
    await storage.locator('[data-testid="stored-model"][data-engine="gguf"]').first().waitFor();
    expect(await storage.locator('[data-engine="gguf"]').first().textContent()).toMatch(/tiny\.gguf.*1\.7 MB/);
    expect(await storage.getByTestId('no-models').count()).toBe(0);
    // Where the model would run: SwiftShader is a software adapter (or lacks shader-f16), so CPU threads.
    expect(['software_adapter', 'no_shader_f16']).toContain(await page.getByTestId('gguf-gpu-note').getAttribute('data-reason'));
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      // The part this change touches: the model card with the automatic context, and the GPU note.
      await page.getByTestId('gguf-gpu-note').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `tests/screenshots/gguf-settings-${width}.png` });
      await page.getByTestId('model-storage').screenshot({ path: `tests/screenshots/gguf-model-storage-${width}.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('refuses dropped files that are not GGUF, incomplete or of an unknown architecture, storing nothing', async () => {
    const { page } = session;
    const alert = page.locator('.gguf-form [role="alert"]');
    await dropFiles(page, [FIXTURES.notGguf]);
    await expect.poll(() => alert.textContent()).toContain('“page.gguf” is not a GGUF model file');
    await dropFiles(page, [FIXTURES.truncated]);
    await expect.poll(() => alert.textContent()).toContain('“truncated.gguf” is incomplete');
    await dropFiles(page, [FIXTURES.unknownArch]);
    await expect.poll(() => alert.textContent()).toContain('architecture “llamx” is not known');
    await dropFiles(page, [FIXTURES.part1]);
    await expect.poll(() => alert.textContent()).toContain('part 2 is missing');
    expect(await storedList(page).count()).toBe(1);
  });

  it('a model only llama.cpp can tell is broken: stored, then refused at load time with a clear message', async () => {
    const { page } = session;
    await dropFiles(page, [FIXTURES.missingTensor]);
    await expect.poll(() => storedList(page).count()).toBe(2);
    await page.getByRole('radio', { name: /missing-tensor\.gguf/ }).check();
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();
    await ask(page, 'Is it safe to take ibuprofen with a cold?');
    const notice = page.getByRole('alert');
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toContain('“missing-tensor.gguf” is damaged or cannot be read as a model');
    expect(await notice.textContent()).toMatch(/llama\.cpp: .*output_norm/);
  });

  it('shows load progress, and Stop ends a run mid-step', async () => {
    const { page } = session;
    await openSettings(page);
    await page.getByRole('radio', { name: /^tiny\.gguf/ }).check();
    await page.getByLabel('Context size (tokens)').fill('16384');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();
    await watchTexts(page, 'loadTexts', '.load-progress');
    await ask(page, 'How long should a sprained ankle take to heal?');
    await page.getByText('Writing the rubric…').waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('Stopped during: writing the rubric').waitFor({ timeout: 15_000 });
    const loadTexts = await seenTexts(page, 'loadTexts');
    expect(loadTexts.some((t) => t.startsWith('Loading the model into memory'))).toBe(true);
    expect(loadTexts.some((t) => /\d+%/.test(t))).toBe(true);
  });

  it('runs the whole revision loop on the model, streaming the answers, and keeps the run in History', { timeout: 300_000 }, async () => {
    const { page } = session;
    await watchTexts(page, 'liveTexts', '.live-answer');
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    const final = page.getByTestId('final-answer');
    await final.waitFor({ timeout: 280_000 });
    const live = await seenTexts(page, 'liveTexts');
    // The draft (and any revision) was seen growing while it streamed.
    expect(live.some((text, i) => i > 0 && text.length > live[i - 1]!.length && text.startsWith(live[i - 1]!.slice(0, 10)))).toBe(true);
    expect(await page.locator('details.round').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('ul.rubric').first().locator('.rubric-item').count()).toBeGreaterThan(0);
    // Where the model ran, recorded with the run: CPU threads here (SwiftShader cannot take the layers).
    expect(await page.locator('.run header .muted').textContent()).toMatch(/tiny\.gguf · F32 · llama\.cpp in this browser \(CPU, \d+ threads?\)/);
    await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
    await expect.poll(() => page.locator('li', { hasText: 'fever and a cough' }).textContent()).not.toContain('failed');
    expect(session.pageErrors).toEqual([]);
  });

  it('keeps stored models and the choice across a reload; a model can be removed', async () => {
    const { page } = session;
    await page.reload();
    await openSettings(page);
    await expect.poll(() => storedList(page).count()).toBe(2);
    expect(await page.getByRole('radio', { name: /^tiny\.gguf/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Remove missing-tensor.gguf' }).click();
    await expect.poll(() => storedList(page).count()).toBe(1);
    await expect.poll(() => page.getByTestId('gguf-storage').textContent()).toContain('Stored models use 1.7 MB');
  });

  it('a context set too small for the run points to the context setting, not to another model', async () => {
    const { page } = session;
    await openSettings(page);
    await page.locator('input[name="engine-kind"][value="gguf"]').check();
    await page.getByLabel('GGUF from a URL', { exact: true }).check();
    await page.getByLabel('Model URL').fill('/models/tiny.gguf');
    await page.getByLabel('Context size (tokens)').fill('512');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();
    await ask(page, 'My son has had a fever and a cough for two days. Should he see a doctor?');
    const alert = page.getByRole('alert').first();
    await expect.poll(() => alert.textContent(), { timeout: 90_000 }).toMatch(/context window holds 512\. If the model supports more, raise its context in Settings \(GGUF: Context size/);
    // Back to automatic for what follows.
    await openSettings(page);
    await page.getByLabel('Context size (tokens)').fill('0');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved.').first().waitFor();
  });

  it('reads the header of a model served next to the app before downloading it', async () => {
    const { page, app } = session;
    await page.getByLabel('GGUF from a URL', { exact: true }).check();
    await page.getByLabel('Model URL').fill('/models/tiny.gguf');
    await page.getByRole('button', { name: 'Check the model' }).click();
    const card = page.getByTestId('gguf-model-card');
    await card.waitFor();
    expect(await card.locator('[data-fact="architecture"]').textContent()).toBe('llama');
    expect(app.requested.filter((p) => p === '/models/tiny.gguf').length).toBeGreaterThan(0);
  });
});
