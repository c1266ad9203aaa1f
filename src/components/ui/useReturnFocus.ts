'use client';
import { useEffect, useRef } from 'react';

/**
 * Returns keyboard focus to the element that had it when a dialog opened, once the dialog
 * closes or unmounts. Radix does this only for its own `Dialog.Trigger`; Billkit's
 * self-serve dialogs are opened by plan cards and other buttons that are not triggers.
 */
export function useReturnFocus(open: boolean): void {
  const opener = useRef<HTMLElement | null>(null);
  // Read during render, before Radix's focus scope moves focus into the dialog.
  if (open && !opener.current && typeof document !== 'undefined') opener.current = document.activeElement as HTMLElement | null;
  useEffect(() => {
    if (!open) return;
    return () => {
      const element = opener.current;
      opener.current = null;
      // After Radix's own unmount focus handling (which has no trigger to focus here).
      setTimeout(() => element?.isConnected && element.focus());
    };
  }, [open]);
}
