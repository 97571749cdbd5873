// Error text by error code. English on screen is each error class's own message (core/errors.ts
// and the engines); these entries are the templates other languages translate, keyed by code.
export default {
  stopped: 'Stopped.',
  unexpected: 'Unexpected error: {{detail}}',
  unexpected_bare: 'Unexpected error.',
  step_failed: '{{step}} failed: {{detail}}',
  empty_question: 'Type a question first.',
  engine_not_configured: 'The model engine is not set up. Open Settings to choose one.',
  server_unreachable:
    'Could not reach the model server at {{server}}. Check that it is running, that the URL is right, and that it allows requests from this page (CORS).',
  server_http_error: 'The model server at {{server}} answered HTTP {{status}}. {{hint}}',
  http_hint_auth: 'Check the API key in Settings.',
  http_hint_not_found: 'Check the server URL (it usually ends in /v1) and the model name.',
  http_hint_server: 'The server failed; its log will say why.',
  http_hint_rejected: 'The server rejected the request.',
  server_timeout:
    'The model server at {{server}} sent nothing for {{seconds}} s. It may be overloaded or the model too slow; try again or raise the timeout in Settings.',
  server_connection_lost:
    'The connection to the model server at {{server}} was lost in the middle of its reply. Check that the server is still running and the network is up, then press Resume to continue from this step.',
  malformed_response: 'The model server at {{server}} sent a reply this app cannot read. Is it OpenAI-compatible?',
  invalid_structured_output: 'The model did not produce a usable structured reply ({{detail}}). Try again, or choose a larger model.',
  empty_answer: 'The model returned an empty answer. Try again, or choose another model.',
  truncated_output:
    "The model's reply was cut off at its {{maxTokens}}-token limit. Try a shorter question or a model with a larger context window.",
  context_budget:
    "The question needs about {{needed}} tokens but the model's context window holds {{window}}. If the model supports more, raise its context in Settings (GGUF: Context size; other engines: Context window); otherwise shorten it or pick a model with a larger context window.",
  webgpu_unavailable:
    'This browser does not offer WebGPU, which the on-device model needs. Use a recent Chrome or Edge (Windows, macOS, ChromeOS, Android) or Safari 26, or choose another engine in Settings.',
  webgpu_no_adapter:
    'This browser offers WebGPU but found no usable GPU (it may be switched off or blocked). Use a recent Chrome or Edge (Windows, macOS, ChromeOS, Android) or Safari 26, or choose another engine in Settings.',
  shader_f16_unavailable:
    '{{model}} needs the GPU feature shader-f16, which this browser and GPU do not offer. Choose {{alternative}} (32-bit) in Settings instead.',
  shader_f16_no_alternative:
    '{{model}} needs the GPU feature shader-f16, which this browser and GPU do not offer. Choose a q4f32 model in Settings instead.',
  model_download_failed:
    'Downloading the model from {{host}} failed (the connection was lost or refused). The files already downloaded are kept in this browser: try again when you are online and it continues where it stopped.',
  model_files_not_found:
    'The model file {{url}} could not be downloaded (HTTP {{status}}). Check the model URL and model-library URL in Settings; a self-hosted model must be served under <model URL>/resolve/main/.',
  model_library_invalid:
    'The model library {{url}} is not a WebGPU model library this app can run (it must be compiled by MLC-LLM for web-llm 0.2.86). Check the model-library URL in Settings.',
  storage_quota_exceeded:
    '{{need}} {{have}} Free space by deleting models you no longer need (Settings → Model storage), clearing other sites’ data, or freeing disk space; or choose a smaller model.',
  quota_need: 'The model needs about {{size}} of storage',
  quota_need_unknown: 'The model does not fit the storage',
  quota_have: 'and this browser lets the app use about {{size}} more.',
  quota_have_unknown: 'this browser lets the app use.',
  gpu_device_lost:
    'The GPU stopped responding while the model was working (device lost). The model was reloaded and the run is saved: press Resume to continue. If it keeps happening, close other GPU-heavy tabs or apps, or choose a smaller model.',
  gpu_out_of_memory:
    '{{model}} ran out of GPU memory. Choose a smaller model such as {{smaller}} in Settings, lower the context window, or close other tabs and apps that use the GPU.',
  gpu_out_of_memory_no_smaller:
    '{{model}} ran out of GPU memory. Choose a smaller model in Settings, lower the context window, or close other tabs and apps that use the GPU.',
  model_context_full:
    "The conversation no longer fits the model's {{window}}-token context window. Raise the context window in Settings (if the GPU has memory for it), lower the number of revision rounds, or ask a shorter question.",
  model_context_full_unknown:
    "The conversation no longer fits the model's context window. Raise the context window in Settings (if the GPU has memory for it), lower the number of revision rounds, or ask a shorter question.",
  on_device_engine_error: 'The on-device engine failed ({{name}}). Try again, or choose another model in Settings.',
  gguf_not_gguf:
    '“{{file}}” is not a GGUF model file (it does not start with the GGUF signature). Choose a .gguf file, for example a Q4_K_M quantization of a small instruct model.',
  gguf_truncated:
    '“{{file}}” is incomplete: its header says it holds at least {{expected}} but the file has {{actual}}. The download or copy was probably cut short; get the file again.',
  gguf_corrupt: '“{{file}}” is damaged or cannot be read as a model ({{detail}}). Download it again, or choose another file.',
  gguf_unsupported:
    '“{{file}}” cannot run in this app: {{detail}}. Choose a chat model of a supported architecture (for example llama, qwen3, qwen3moe, gemma3 or phi3), or serve this one with llama.cpp server and use the OpenAI-compatible engine.',
  gguf_too_large:
    '“{{file}}” needs about {{needed}} of memory, but a browser tab can give it at most {{limit}}. Choose a smaller model or quantization, or a smaller context size; or serve it with llama.cpp server and use the OpenAI-compatible engine.',
  gguf_missing_parts: '{{detail}} Choose (or drop) all parts of the model together.',
  gguf_storage:
    'Could not store the model in this browser: {{detail}}. Free some disk space or remove stored models in Settings; private windows may not allow storing large files.',
  gguf_stored_model_missing:
    "The model “{{modelName}}” is no longer stored in this browser (it was removed, or the browser cleared this site's data). Choose the file again in Settings.",
  gguf_download_failed:
    'Could not download the model from {{url}} ({{detail}}). Check the URL; a model hosted on another site must allow this page (CORS).',
  gguf_engine_failed:
    'The in-browser model engine failed ({{detail}}). Try again; if it keeps failing, reload the page or choose a smaller model or context size.',
  gguf_insufficient_storage:
    'Not enough browser storage to download “{{modelName}}”: it needs {{needed}} more, but this site has only {{free}} free. Remove stored models in Settings or free disk space, then try again.',
  gguf_integrity:
    '“{{file}}” failed its integrity check: its SHA-256 is {{actual}}, but {{source}} {{expected}}. The file was deleted. Download it again; if this keeps happening, the host is serving a different file.',
  gguf_integrity_catalog: 'the catalog expects',
  gguf_integrity_first_download: 'the first download on this browser recorded',
  gguf_resume_failed: 'Could not continue the download from {{url}} ({{detail}}). Remove the partial download and start again.',
  gguf_browser_unsupported:
    'This browser cannot run GGUF models in the page: {{detail}}. Use a current Chrome or Edge, or the OpenAI-compatible engine.',
  data_locked: 'Your data is locked. Enter your passphrase to unlock it.',
  record_corrupt: 'A stored record ({{recordId}}) could not be decrypted: it is damaged. The other records are not affected.',
  storage_full: 'Storage is full: this browser has no room left for ClinRevise’s data. Free space or delete old runs or models (Settings → Data).',
  runs_file_invalid:
    'Nothing was imported: some lines are not a valid run ({{detail}}). Fix or remove those lines (or export the runs again) and import the file again.',
  runs_file_empty: 'Nothing was imported: the file has no runs. Choose a file exported from History (.jsonl, one run per line).',
  runs_import_write_failed:
    'Nothing was imported: saving the runs failed ({{detail}}). Free some browser storage (Settings → Data, or delete old runs) and try again.',
} as const;
