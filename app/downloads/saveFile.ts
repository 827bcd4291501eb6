import type { DownloadFile } from './downloadFiles.ts';

/** How long the object URL outlives the click: the browser has read the blob long before. */
const REVOKE_AFTER_MS = 10_000;

/** Hands `file` to the browser as a download (a temporary object URL on a clicked link). */
export function saveFile(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([file.data as Uint8Array<ArrayBuffer>], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
