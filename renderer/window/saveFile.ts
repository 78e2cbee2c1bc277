// Hands a file to the user: the browser's download (web mode) or Electron's save dialog, both
// started by a detached link, so it never passes through the app's link handler.
export const saveFile = (blob: Blob, fileName: string): void => {
  const address = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = address;
  link.download = fileName;
  link.click();
  // The download has taken its copy once the click has been handled.
  window.setTimeout(() => URL.revokeObjectURL(address), 60_000);
};
