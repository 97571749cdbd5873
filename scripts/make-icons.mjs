// Writes the app's PNG icons (public/icons/) from code, so no image tool or download is needed:
// a white cross on a teal square. Run `node scripts/make-icons.mjs` after a change.

import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** @type {readonly [number, number, number]} */
const TEAL = [0x0f, 0x6e, 0x6e];
/** @type {readonly [number, number, number]} */
const WHITE = [0xff, 0xff, 0xff];

/** @typedef {readonly [number, number, number]} Rgb */

/**
 * CRC-32 of a PNG chunk's type and data.
 * @param {Uint8Array} bytes
 */
function crc32(bytes) {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/**
 * One PNG chunk: length, type, data, CRC.
 * @param {string} type
 * @param {Buffer} data
 */
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(4 + body.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 4 + body.length);
  return out;
}

/**
 * An RGB PNG of size×size whose pixel colours come from `paint(x, y)` with x, y in [0, 1).
 * @param {number} size
 * @param {(x: number, y: number) => Rgb} paint
 */
function png(size, paint) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = paint((x + 0.5) / size, (y + 0.5) / size);
      const i = y * (size * 3 + 1) + 1 + x * 3;
      raw[i] = r;
      raw[i + 1] = g;
      raw[i + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A cross centred in the safe zone (inner 60%), so the maskable variant survives any mask shape.
 * @param {number} scale
 * @returns {(x: number, y: number) => Rgb}
 */
function cross(scale) {
  return (x, y) => {
    const dx = Math.abs(x - 0.5) / scale;
    const dy = Math.abs(y - 0.5) / scale;
    const arm = 0.1;
    const reach = 0.32;
    return (dx < arm && dy < reach) || (dy < arm && dx < reach) ? WHITE : TEAL;
  };
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', png(192, cross(1)));
writeFileSync('public/icons/icon-512.png', png(512, cross(1)));
writeFileSync('public/icons/maskable-512.png', png(512, cross(0.75)));
writeFileSync('public/icons/apple-touch-icon-180.png', png(180, cross(0.85)));
console.log('Wrote public/icons/*.png');
