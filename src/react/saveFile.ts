/**
 * How long the object URL of a saved file stays alive: some browsers (Safari, older
 * Firefox) read the blob after `click()` returns, so revoking at once can cancel the save.
 */
const REVOKE_AFTER_MS = 1000;

/** Saves a blob under a file name, the way a download link would. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  // Firefox only follows links that are in the document.
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
