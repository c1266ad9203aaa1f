'use client';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
// Named imports of the primitive itself: bundlers drop the parts Billkit does not use
// (through the `radix-ui` namespace, esbuild kept all of them, the Overlay's scroll lock included).
import { Close, Content, Description, Portal, Root, Title, Trigger } from '@radix-ui/react-dialog';
import { cx } from './cx';
import { lockScroll } from './lockScroll';

/** The dialog's state holder (Radix `Dialog.Root`): `open`, `onOpenChange`, `defaultOpen`. */
export const Dialog = Root;
/** The element that opens the dialog (Radix `Dialog.Trigger`; `asChild` to bring your own). */
export const DialogTrigger = Trigger;
/** Closes the dialog (Radix `Dialog.Close`). */
export const DialogClose = Close;

/** The overlay behind an open dialog; the page under it does not scroll while it is mounted. */
function Overlay(): ReactNode {
  useEffect(lockScroll, []);
  return <div data-billkit-part="overlay" className="bk:fixed bk:inset-0 bk:z-50 bk:bg-billkit-overlay bk:backdrop-blur-[2px] bk:animate-[billkit-fade-in_150ms_ease-out]" />;
}

/** Props of {@link DialogContent}. */
/** The theme markers an app puts on an ancestor (Tailwind / shadcn/ui conventions, and Billkit's OS opt-in). */
const THEME_MARKER = '.dark, .light, [data-theme="dark"], [data-theme="light"], [data-billkit-theme="system"]';

/**
 * Marks `portal` with the theme in force at `anchor` (where the dialog sits in the app):
 * the portal renders under <body>, outside any themed wrapper.
 */
function copyTheme(anchor: Element | null, portal: HTMLElement): void {
  const marker = anchor?.closest(THEME_MARKER);
  delete portal.dataset.theme;
  delete portal.dataset.billkitTheme;
  if (!marker) return;
  if (marker.matches('.dark, [data-theme="dark"]')) portal.dataset.theme = 'dark';
  else if (marker.matches('.light, [data-theme="light"]')) portal.dataset.theme = 'light';
  else portal.dataset.billkitTheme = 'system';
}

export interface DialogContentProps {
  /** The accessible title, shown as the dialog's heading. */
  title: ReactNode;
  /** The accessible description, shown under the title. */
  description: ReactNode;
  children?: ReactNode;
  /** The buttons row at the bottom. */
  footer?: ReactNode;
  className?: string;
}

/**
 * A centred modal on the tokens: focus trap, Escape or a click outside to close, the rest
 * of the page hidden from assistive technology, title and description wired to
 * `aria-labelledby` / `aria-describedby` (all by Radix), `aria-modal`, and an overlay
 * that locks the page's scroll (Billkit's {@link lockScroll}, ~0.3 kB, instead of Radix
 * Overlay's react-remove-scroll, ~4 kB gzip). It renders in a
 * portal marked `data-billkit-portal` so Billkit's scoped base styles reach it, and
 * copies the theme of where it sits (`.dark`, `[data-theme]`, `data-billkit-theme`) onto
 * that portal, so a dialog opened in a dark wrapper is dark too.
 *
 * @example
 * <Dialog open={open} onOpenChange={setOpen}>
 *   <DialogTrigger asChild><Button>Cancel</Button></DialogTrigger>
 *   <DialogContent title="Cancel subscription?" description="…" footer={…}>…</DialogContent>
 * </Dialog>
 */
export function DialogContent({ title, description, children, footer, className }: DialogContentProps): ReactNode {
  // A hidden marker where the dialog is declared: the portal reads the app's theme from there.
  const anchor = useRef<HTMLSpanElement>(null);
  // A new portal element mounts on every open (Radix unmounts it when closed). The theme is
  // copied then, and again whenever a theme marker changes while it is open (an app's dark
  // mode toggle); the portal's own attribute changes are not the app's and are skipped.
  const watch = useRef<MutationObserver>(undefined);
  const portal = useCallback((node: HTMLDivElement | null) => {
    watch.current?.disconnect();
    if (!node) return;
    const sync = () => copyTheme(anchor.current, node);
    sync();
    watch.current = new MutationObserver((changes) => changes.some((change) => change.target !== node) && sync());
    watch.current.observe(document.documentElement, { subtree: true, attributeFilter: ['class', 'data-theme', 'data-billkit-theme'] });
  }, []);
  return (
    <>
      <span ref={anchor} hidden data-billkit-part="dialog-anchor" />
      <Portal>
        <div data-billkit-portal="" ref={portal}>
          <Overlay />
          <Content
            data-billkit-part="dialog"
            aria-modal="true"
            className={cx(
              'bk:fixed bk:top-1/2 bk:left-1/2 bk:z-50 bk:flex bk:w-[calc(100vw-2rem)] bk:max-w-md bk:-translate-x-1/2 bk:-translate-y-1/2 bk:flex-col bk:gap-5',
              'bk:rounded-billkit-lg bk:border bk:border-billkit-border bk:bg-billkit-card bk:p-6 bk:text-billkit-card-foreground',
              'bk:shadow-[0_24px_48px_-12px_rgb(16_24_40/0.25)] bk:animate-[billkit-dialog-in_180ms_ease-out] bk:focus:outline-none',
              className,
            )}
          >
            <div className="bk:flex bk:flex-col bk:gap-1.5">
              <Title className="bk:text-lg bk:font-semibold bk:leading-6 bk:tracking-[-0.01em]">{title}</Title>
              <Description className="bk:text-sm bk:text-billkit-muted-foreground">
                {description}
              </Description>
            </div>
            {children}
            {footer && <div className="bk:flex bk:flex-col-reverse bk:gap-2 bk:sm:flex-row bk:sm:flex-wrap bk:sm:justify-end">{footer}</div>}
          </Content>
        </div>
      </Portal>
    </>
  );
}
