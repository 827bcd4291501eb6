/** One file of an archive. */
export interface TarEntry {
  name: string;
  data: Uint8Array;
}

const BLOCK = 512;
/** ustar keeps a name in 100 bytes (the prefix field is not used here). */
const MAX_NAME_BYTES = 100;

/**
 * A POSIX ustar archive of plain files (mode 0644, owner 0, mtime `mtimeSeconds`): per file a
 * 512-byte header and its data padded to 512 bytes, then two zero blocks. Names are ASCII and
 * at most 100 bytes, which is all the page's downloads need; longer ones throw.
 */
export function tarArchive(entries: readonly TarEntry[], mtimeSeconds = 0): Uint8Array {
  const size = entries.reduce((total, entry) => total + BLOCK + Math.ceil(entry.data.length / BLOCK) * BLOCK, 2 * BLOCK);
  const archive = new Uint8Array(size);
  let offset = 0;
  for (const entry of entries) {
    archive.set(tarHeader(entry, mtimeSeconds), offset);
    archive.set(entry.data, offset + BLOCK);
    offset += BLOCK + Math.ceil(entry.data.length / BLOCK) * BLOCK;
  }
  return archive;
}

function tarHeader(entry: TarEntry, mtimeSeconds: number): Uint8Array {
  if (!/^[\x21-\x7e][\x20-\x7e]*$/.test(entry.name) || entry.name.length > MAX_NAME_BYTES) {
    throw new RangeError(`A tar entry name must be printable ASCII of 1 to ${MAX_NAME_BYTES} characters, got "${entry.name}".`);
  }
  const header = new Uint8Array(BLOCK);
  const put = (text: string, at: number) => header.set(Array.from(text, (c) => c.charCodeAt(0)), at);
  // Numbers are zero-padded octal, NUL-terminated, in fields of the given widths.
  const octal = (value: number, width: number) => value.toString(8).padStart(width - 1, '0');
  put(entry.name, 0);
  put(octal(0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(entry.data.length, 12), 124);
  put(octal(mtimeSeconds, 12), 136);
  put('        ', 148);
  put('0', 156);
  put('ustar\u000000', 257);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  put(`${octal(checksum, 7)}\u0000 `, 148);
  return header;
}
