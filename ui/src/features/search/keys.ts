// Moving through a list with the keyboard: the index that ArrowUp/ArrowDown,
// Home/End and PageUp/PageDown lead to, wrapping at the ends for the arrows.

const PAGE = 5;

/** The next selected index after `key`, or `null` if the key does not move. -1 means none. */
export function moveSelection(current: number, count: number, key: string): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, Math.max(current, 0) + PAGE);
    case 'PageUp':
      return Math.max(0, current - PAGE);
    default:
      return null;
  }
}
