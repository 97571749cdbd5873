// JSON Schemas as the llama.cpp inside wllama 3.13 can take them. Its schema-to-grammar converter
// crashes the WebAssembly module on `items: false` (which zod writes for every tuple); a tuple's
// `prefixItems` alone already yields exactly those items there, so the keyword can go.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A copy of `schema` without the constructs that break llama.cpp's grammar converter. */
export function schemaForLlamaCpp(schema: Record<string, unknown>): Record<string, unknown> {
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
