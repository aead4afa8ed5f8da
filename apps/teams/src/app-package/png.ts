import { crc32, inflateSync } from "node:zlib";

/** An RGBA image, 8 bits per channel, row by row. */
export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

/** Size and format from a PNG's signature and IHDR chunk; throws if it is not a PNG. */
export function readPngInfo(file: Uint8Array): PngInfo {
  const buffer = Buffer.from(file);
  if (buffer.length < 33 || !buffer.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file (bad signature)");
  if (buffer.toString("ascii", 12, 16) !== "IHDR") throw new Error("not a PNG file (IHDR must come first)");
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20), bitDepth: buffer.readUInt8(24), colorType: buffer.readUInt8(25) };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Pixels of an 8-bit RGBA, non-interlaced PNG (all five filter types), checking every CRC. */
export function decodeRgbaPng(file: Uint8Array): RgbaImage {
  const buffer = Buffer.from(file);
  const info = readPngInfo(buffer);
  if (info.bitDepth !== 8 || info.colorType !== 6)
    throw new Error(`only 8-bit RGBA PNGs are decoded (got depth ${info.bitDepth}, colour type ${info.colorType})`);
  const idat: Buffer[] = [];
  for (let offset = 8; offset < buffer.length;) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("ascii", offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (crc32(buffer.subarray(offset + 4, offset + 8 + length)) !== buffer.readUInt32BE(offset + 8 + length)) throw new Error(`bad CRC in ${type} chunk`);
    if (type === "IDAT") idat.push(data);
    if (type === "IEND") break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = info.width * 4;
  const pixels = new Uint8Array(stride * info.height);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      // Indexes stay inside both buffers; `?? 0` only satisfies the index type.
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (pixels[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (pixels[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predicted = filter === 0 ? 0 : filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : paeth(left, up, upLeft);
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return { width: info.width, height: info.height, pixels };
}
