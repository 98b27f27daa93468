/**
 * Copies text that is not a secret (a device code). The browser's clipboard API first; the desktop
 * app denies that permission, so then the old copy command on the selected element, which needs
 * no permission. Resolves to false when neither worked: the element is left selected for Ctrl+C.
 */
export async function copyText(text: string, element: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!element) return false;
    const selection = window.getSelection();
    const range = document.createRange();
    range.selectNodeContents(element);
    selection?.removeAllRanges();
    selection?.addRange(range);
    try {
      // Deprecated, but the one way to copy without the clipboard permission.
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
