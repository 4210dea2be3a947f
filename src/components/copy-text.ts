/**
 * Puts text on the clipboard: the Clipboard API where allowed, else by selecting `field` and
 * copying (iframes without the permission, older browsers). Says whether it worked.
 */
export async function copyText(
  text: string,
  field: HTMLInputElement | HTMLTextAreaElement | null = null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.select();
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  }
}
