/**
 * Copies text: the async clipboard first; where it is missing or refused (an insecure page, no
 * permission), select `box` (or a hidden text area) and use execCommand('copy'). Never throws.
 */
export async function copyText(
  text: string,
  box?: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* permission denied or insecure context: try the old way */
  }
  let hidden: HTMLTextAreaElement | null = null;
  try {
    let target = box;
    if (!target) {
      hidden = document.createElement('textarea');
      hidden.value = text;
      hidden.setAttribute('readonly', '');
      hidden.style.position = 'fixed';
      hidden.style.opacity = '0';
      document.body.appendChild(hidden);
      target = hidden;
    }
    target.focus();
    target.select();
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    hidden?.remove();
  }
}
