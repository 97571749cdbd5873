// The principle library as the Principles page sees it: browse by dimension and category, search,
// switch on and off, edit, add, reset, delete, import and export. Storage goes through the repository;
// every change re-reads the library so the page shows exactly what a run will use.

import { errorText } from '../i18n/errors';
import { exportPrincipleFile, nextOwnId } from '../core/library/principleFile';
import { tokenize } from '../core/retrieval/text';
import { DIMENSIONS, type Dimension, type Principle } from '../core/types';
import type { PrinciplesRepository } from '../db/principlesRepository';
import type { StoredPrinciple } from '../db/schema';

export type StatusFilter = 'all' | 'enabled' | 'disabled' | 'edited' | 'own';

/** The outcome of an import, for display. */
export type ImportOutcome =
  | { kind: 'imported'; added: number; updated: number }
  | { kind: 'rejected'; problems: string[] }
  | { kind: 'failed'; message: string };

/** The outcome of saving an edited or new principle. */
export type SaveOutcome = { ok: true; id: string } | { ok: false; problems: string[] };

/** Runs of Chinese characters; the word tokenizer reads only Latin script, so these are searched as substrings. */
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * Text a search looks through, per principle: id, title, category, statement, rationale, keywords
 * and the presentation's name and trigger terms, as words; and every Chinese run in those fields,
 * as written (a trigger such as "睾丸" or a Chinese statement in a user's own principle).
 */
function searchText(p: Principle): { words: string; han: string } {
  const fields = [p.id, p.title, p.category, p.statement, p.rationale, ...p.keywords, ...(p.presentation ? [p.presentation.name, ...p.presentation.triggers] : [])];
  const all = fields.join(' ');
  return { words: tokenize(all).join(' '), han: (all.normalize('NFKC').match(HAN_RUN) ?? []).join(' ') };
}

export class PrinciplesState {
  #all = $state.raw<StoredPrinciple[]>([]);
  #loaded = $state(false);
  #error = $state<string | null>(null);
  dimension = $state<Dimension | 'all'>('all');
  category = $state<string>('all');
  status = $state<StatusFilter>('all');
  query = $state('');
  selectedId = $state<string | null>(null);

  constructor(
    private readonly repo: PrinciplesRepository,
    /** The version of the shipped library the app carries. */
    readonly shippedVersion: string,
  ) {}

  get loaded(): boolean {
    return this.#loaded;
  }

  /** A storage failure to show, worded for the user (null when all is well). */
  get error(): string | null {
    return this.#error;
  }

  /** Every principle, in library order (dimension, then id). */
  get all(): StoredPrinciple[] {
    return this.#all;
  }

  readonly counts = $derived.by(() => {
    const byDimension = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;
    let own = 0;
    let edited = 0;
    let disabled = 0;
    for (const p of this.#all) {
      byDimension[p.dimension]++;
      if (p.origin === 'user') own++;
      if (p.edited) edited++;
      if (!p.enabled) disabled++;
    }
    return { total: this.#all.length, byDimension, own, edited, disabled, shipped: this.#all.length - own };
  });

  /** Categories of the chosen dimension (or all), with how many principles each holds. */
  readonly categories = $derived.by(() => {
    const counts = new Map<string, number>();
    for (const p of this.#all) {
      if (this.dimension !== 'all' && p.dimension !== this.dimension) continue;
      counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
    }
    return [...counts].map(([name, count]) => ({ name, count }));
  });

  readonly #index = $derived(new Map(this.#all.map((p) => [p.id, searchText(p)])));

  /** The principles the filters and search let through. */
  readonly visible = $derived.by(() => {
    const words = tokenize(this.query);
    const han = this.query.normalize('NFKC').match(HAN_RUN) ?? [];
    // "URG-01" or "usr-" searches ids by prefix; anything else searches the text word by word.
    const idPrefix = /^\s*[a-z]{3}-[a-z0-9-]*\s*$/i.test(this.query) ? this.query.trim().toUpperCase() : null;
    return this.#all.filter((p) => {
      if (this.dimension !== 'all' && p.dimension !== this.dimension) return false;
      if (this.category !== 'all' && p.category !== this.category) return false;
      if (this.status === 'enabled' && !p.enabled) return false;
      if (this.status === 'disabled' && p.enabled) return false;
      if (this.status === 'edited' && !p.edited) return false;
      if (this.status === 'own' && p.origin !== 'user') return false;
      if (idPrefix) return p.id.toUpperCase().startsWith(idPrefix);
      if (words.length === 0 && han.length === 0) return true;
      const text = this.#index.get(p.id) ?? { words: '', han: '' };
      return words.every((w) => text.words.startsWith(w) || text.words.includes(` ${w}`)) && han.every((h) => text.han.includes(h));
    });
  });

  readonly selected = $derived(this.#all.find((p) => p.id === this.selectedId) ?? null);

  /** Chooses a dimension and clears a category that belongs to another. */
  chooseDimension(dimension: Dimension | 'all'): void {
    this.dimension = dimension;
    this.category = 'all';
  }

  async refresh(): Promise<void> {
    try {
      const order = new Map(DIMENSIONS.map((d, i) => [d, i]));
      const all = await this.repo.list();
      this.#all = all.sort((a, b) => order.get(a.dimension)! - order.get(b.dimension)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.#error = null;
    } catch (err) {
      this.#error = errorText(err);
    } finally {
      this.#loaded = true;
    }
  }

  async #change(work: () => Promise<unknown>): Promise<boolean> {
    try {
      await work();
      await this.refresh();
      return true;
    } catch (err) {
      this.#error = errorText(err);
      return false;
    }
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    await this.#change(() => this.repo.setEnabled(id, enabled));
  }

  /** Validates and saves a principle (edited or new); problems are worded for the form. */
  async save(candidate: unknown): Promise<SaveOutcome> {
    // The schema library is loaded on first validation, keeping it out of the initial bundle.
    const { validatePrinciple } = await import('../core/library/principleImport');
    const parsed = validatePrinciple(candidate);
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    const principle = parsed.value;
    const saved = await this.#change(() => this.repo.save(principle));
    if (!saved) return { ok: false, problems: [this.#error ?? 'Could not save.'] };
    this.selectedId = principle.id;
    return { ok: true, id: principle.id };
  }

  /** The id a new principle of the user's own gets. */
  newOwnId(): string {
    return nextOwnId(this.#all.map((p) => p.id));
  }

  async resetToShipped(id: string): Promise<void> {
    await this.#change(() => this.repo.resetToShipped(id));
  }

  async deleteOwn(id: string): Promise<void> {
    const done = await this.#change(() => this.repo.deleteOwn(id));
    if (done && this.selectedId === id) this.selectedId = null;
  }

  /** The whole library as a JSON file's text. */
  exportJson(): string {
    return exportPrincipleFile(this.#all);
  }

  /** Validates a whole file and imports it only if every record is valid. */
  async importJson(text: string): Promise<ImportOutcome> {
    const { parsePrincipleFile } = await import('../core/library/principleImport');
    const parsed = parsePrincipleFile(text, new Set(this.#all.map((p) => p.id)));
    if (!parsed.ok) return { kind: 'rejected', problems: parsed.problems };
    try {
      const report = await this.repo.importMany(parsed.records);
      await this.refresh();
      return { kind: 'imported', ...report };
    } catch (err) {
      return { kind: 'failed', message: errorText(err) };
    }
  }
}
