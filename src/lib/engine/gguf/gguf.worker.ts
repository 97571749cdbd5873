// The GGUF engine's dedicated worker. It hosts wllama and does nothing else: wllama runs llama.cpp in
// workers of its own, but its JavaScript (request polling, reading model slices for the wasm, OPFS,
// downloads) would otherwise run on the page. Here none of it can stall the UI, and terminating this
// worker frees everything.

import { serveGgufRequests, type HostPort } from './workerHandler';
import { WllamaBackend } from './wllamaBackend';

serveGgufRequests(self as unknown as HostPort, new WllamaBackend());
