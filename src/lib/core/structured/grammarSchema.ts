// JSON Schemas as grammar-constrained engines can take them. llama.cpp's schema-to-grammar converter
// (in llama-server and in wllama's WebAssembly build alike) fails on `items: false`, which zod writes
// for every tuple; `prefixItems` with min/maxItems already pins the tuple, so the keyword can go.
// Replies are still validated with the zod schema, so nothing is lost.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A copy of `schema` without the constructs that break llama.cpp's grammar converter. */
export function schemaForGrammar(schema: Record<string, unknown>): Record<string, unknown> {
  return clean(schema as Json) as Record<string, unknown>;
}

function clean(node: Json): Json {
  if (Array.isArray(node)) return node.map(clean);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'items' && value === false && Array.isArray(node.prefixItems)) continue;
    out[key] = clean(value);
  }
  return out;
}
