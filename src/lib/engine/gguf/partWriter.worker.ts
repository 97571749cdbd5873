// Writes one downloading model part into OPFS with a sync access handle: each chunk lands in the
// file itself as it arrives (a writable would keep it in a swap file until closed), so closing the
// tab mid-download keeps every byte acknowledged so far. Sync access handles exist only in workers.

import { serveWrites, type WriterHostPort } from './partWriterHost';

serveWrites(self as unknown as WriterHostPort);
