// Token counting for the context budget. The rough count errs high (≈3 characters a token, which
// over-counts English for Qwen/Llama tokenizers) so a budget check never lets an overlong question through.

/** A conservative token estimate: safe for budgets, not for accounting. */
export function roughTokenCount(text: string): number {
  return Math.ceil(text.length / 3);
}
