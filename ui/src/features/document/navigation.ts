// Page navigation of the viewer: which page, bounded by the page count, and the
// keys that move it.

/** A page number kept between 1 and `count` (1 when the document has no pages). */
export function clampPage(page: number, count: number): number {
  if (!Number.isFinite(page) || count < 1) return 1;
  return Math.min(count, Math.max(1, Math.trunc(page)));
}

/** What a person typed in "go to page": the page, or an error in plain words. */
export function parsePageInput(input: string, count: number): { page: number } | { error: string } {
  const text = input.trim();
  if (!/^\d+$/.test(text)) return { error: `Type a page number from 1 to ${count}.` };
  const page = Number(text);
  if (page < 1 || page > count) return { error: `This document has pages 1 to ${count}.` };
  return { page };
}

/** The page a key moves to from `page`, or null when the key is not a page key.
 *  PageDown / ArrowRight / ArrowDown: next; PageUp / ArrowLeft / ArrowUp: previous;
 *  Home / End: first / last. */
export function pageForKey(key: string, page: number, count: number): number | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
    case 'ArrowDown':
      return clampPage(page + 1, count);
    case 'PageUp':
    case 'ArrowLeft':
    case 'ArrowUp':
      return clampPage(page - 1, count);
    case 'Home':
      return 1;
    case 'End':
      return clampPage(count, count);
    default:
      return null;
  }
}

/** Keys typed into fields, buttons and the text layer selection are left alone. */
export function keyBelongsToField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
