/** How many open dialogs hold the lock, and how to put the page back when the last one closes. */
let holders = 0;
let restore = (): void => undefined;

/**
 * Locks the page's scroll while a modal dialog is open and returns the unlock; nested
 * dialogs share the lock, which lifts when the last one closes. The root element gets
 * `overflow: hidden` (the viewport's scroll; body and app styles cannot override it) and,
 * where the page had a classic scrollbar, a matching `padding-right`, so the content does
 * not shift sideways as the scrollbar goes. The app's own inline values come back after.
 * (What Radix Dialog's Overlay does with react-remove-scroll, ~4 kB gzip, for a few bytes.)
 */
export function lockScroll(): () => void {
  if (holders++ === 0) {
    const root = document.documentElement;
    const { overflow, paddingRight } = root.style;
    // The classic scrollbar's width (0 for overlay scrollbars, and where nothing is laid out, as in jsdom).
    const gap = root.clientWidth && window.innerWidth - root.clientWidth;
    root.style.overflow = 'hidden';
    if (gap > 0) root.style.paddingRight = `${gap}px`;
    restore = () => {
      root.style.overflow = overflow;
      root.style.paddingRight = paddingRight;
    };
  }
  let locked = true;
  return () => {
    // Idempotent: a second call (an effect cleaned up twice) must not lift another dialog's lock.
    if (locked && !(locked = false) && --holders === 0) restore();
  };
}
