// Which model architectures the llama.cpp inside wllama can run as a chat model. A GGUF names its
// architecture in `general.architecture`; checking it first turns a confusing load failure into a clear message.

/** The llama.cpp build inside @wllama/wllama 3.13.0 (its LIBLLAMA_VERSION); a unit test keeps this honest. */
export const LLAMA_CPP_BUILD = 'b12211';

/**
 * Architectures llama.cpp knows that are not chat models, and why. Loading them would fail or
 * produce nothing useful, so they are rejected before loading.
 */
export const NON_CHAT_ARCHITECTURES: ReadonlyMap<string, string> = new Map([
  ['clip', 'it is a vision projector (mmproj) that belongs next to a language model, not a model on its own'],
  ...['bert', 'modern-bert', 'nomic-bert', 'nomic-bert-moe', 'neo-bert', 'jina-bert-v2', 'jina-bert-v3', 'eurobert', 'gemma-embedding', 'llama-embed', 't5encoder'].map(
    (arch) => [arch, `“${arch}” is an embedding or encoder model; it cannot write answers`] as [string, string],
  ),
  ['wavtokenizer-dec', 'it is an audio decoder, not a language model'],
  ...['dream', 'llada', 'llada-moe', 'rnd1'].map(
    (arch) => [arch, `“${arch}” is a diffusion language model, which llama.cpp's chat server does not run`] as [string, string],
  ),
  ...['eagle3', 'dflash'].map((arch) => [arch, `“${arch}” is a draft head for speculative decoding, not a model on its own`] as [string, string]),
]);

/**
 * Every architecture name in llama.cpp's table (LLM_ARCH_NAMES) at the build above, chat or not.
 * A unit test checks that each name occurs in the shipped wllama.wasm.
 */
export const LLAMA_CPP_ARCHITECTURES: readonly string[] = [
  'clip', 'llama', 'llama4', 'deci', 'falcon', 'grok', 'gpt2', 'gptj', 'gptneox', 'mpt', 'baichuan', 'starcoder', 'refact',
  'bert', 'modern-bert', 'nomic-bert', 'nomic-bert-moe', 'neo-bert', 'jina-bert-v2', 'jina-bert-v3', 'eurobert', 'bloom',
  'stablelm', 'qwen', 'qwen2', 'qwen2moe', 'qwen2vl', 'qwen3', 'qwen3moe', 'qwen3next', 'qwen3vl', 'qwen3vlmoe', 'qwen35',
  'qwen35moe', 'phi2', 'phi3', 'phimoe', 'plamo', 'plamo2', 'plamo3', 'codeshell', 'orion', 'internlm2', 'minicpm', 'minicpm3',
  'gemma', 'gemma2', 'gemma3', 'gemma3n', 'gemma4', 'gemma4-assistant', 'gemma-embedding', 'starcoder2', 'mamba', 'mamba2',
  'jamba', 'falcon-h1', 'xverse', 'command-r', 'cohere2', 'cohere2moe', 'dbrx', 'olmo', 'olmo2', 'olmoe', 'openelm', 'arctic',
  'deepseek', 'deepseek2', 'deepseek2-ocr', 'deepseek32', 'deepseek4', 'chatglm', 'glm4', 'glm4moe', 'glm-dsa', 'bitnet', 't5',
  't5encoder', 'jais', 'jais2', 'nemotron', 'nemotron_h', 'nemotron_h_moe', 'exaone', 'exaone4', 'exaone-moe', 'rwkv6',
  'rwkv6qwen2', 'rwkv7', 'arwkv7', 'granite', 'granitemoe', 'granitehybrid', 'chameleon', 'wavtokenizer-dec', 'plm',
  'bailingmoe', 'bailingmoe2', 'dots1', 'arcee', 'afmoe', 'laguna', 'ernie4_5', 'ernie4_5-moe', 'hunyuan-moe', 'hunyuan-dense',
  'hunyuan_vl', 'hy_v3', 'smollm3', 'gpt-oss', 'lfm2', 'lfm2moe', 'dream', 'smallthinker', 'llada', 'llada-moe', 'seed_oss',
  'grovemoe', 'apertus', 'minimax-m2', 'cogvlm', 'rnd1', 'pangu-embedded', 'mistral3', 'eagle3', 'dflash', 'mistral4',
  'paddleocr', 'mimo2', 'step35', 'llama-embed', 'maincoder', 'kimi-linear', 'talkie', 'mellum',
];

const KNOWN = new Set(LLAMA_CPP_ARCHITECTURES);

/** Why this architecture cannot be used for chat here, or null when it can. */
export function architectureProblem(architecture: string): string | null {
  const notChat = NON_CHAT_ARCHITECTURES.get(architecture);
  if (notChat) return notChat;
  if (!KNOWN.has(architecture)) {
    return `its architecture “${architecture}” is not known to the llama.cpp built into this app (${LLAMA_CPP_BUILD})`;
  }
  return null;
}
