import { zipSync, type Zippable } from "fflate";

export interface ZipEntry {
  /** Path inside the archive, `/`-separated, ASCII. */
  name: string;
  data: Uint8Array;
}

/** A fixed timestamp (the ZIP format's earliest, 1980-01-01), so the same inputs give the same bytes. */
const FIXED_MTIME = new Date(1980, 0, 1);

/** A deflated ZIP archive (fflate) of the entries, in the given order: all a Teams app package needs. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) {
    if (!/^[\x20-\x7e]+$/.test(entry.name)) throw new Error(`zip entry name must be printable ASCII: ${entry.name}`);
    files[entry.name] = entry.data;
  }
  return Buffer.from(zipSync(files, { level: 9, mtime: FIXED_MTIME }));
}
