'use client';
import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

type DivProps = HTMLAttributes<HTMLDivElement>;

/**
 * The surface every Billkit component sits on: card background, hairline border,
 * token radius and a soft shadow. Parts below add the usual header/body/footer rhythm.
 *
 * @example
 * <Card>
 *   <CardHeader><CardTitle>Usage</CardTitle><CardDescription>This period</CardDescription></CardHeader>
 *   <CardContent>…</CardContent>
 *   <CardFooter>…</CardFooter>
 * </Card>
 */
export function Card({ className, ...rest }: DivProps): ReactNode {
  return (
    <div
      className={cx(
        'bk:rounded-billkit-lg bk:border bk:border-billkit-border bk:bg-billkit-card bk:text-billkit-card-foreground',
        'bk:shadow-[0_1px_2px_0_rgb(16_24_40/0.04),0_1px_3px_0_rgb(16_24_40/0.06)]',
        className,
      )}
      {...rest}
    />
  );
}

/** The top of a card: title, description and an optional action on the right. */
export function CardHeader({ className, ...rest }: DivProps): ReactNode {
  return <div className={cx('bk:flex bk:flex-col bk:gap-1 bk:px-6 bk:pt-6', className)} {...rest} />;
}

/** A card's heading (an `<h3>` by default level; pass `as` for another level). */
export function CardTitle({
  as: Heading = 'h3',
  className,
  ...rest
}: HTMLAttributes<HTMLHeadingElement> & { as?: 'h2' | 'h3' | 'h4' }): ReactNode {
  return (
    <Heading
      className={cx('bk:text-base bk:font-semibold bk:leading-6 bk:tracking-[-0.01em] bk:text-billkit-card-foreground', className)}
      {...rest}
    />
  );
}

/** A muted line under a card's title. */
export function CardDescription({ className, ...rest }: HTMLAttributes<HTMLParagraphElement>): ReactNode {
  return <p className={cx('bk:text-sm bk:text-billkit-muted-foreground', className)} {...rest} />;
}

/** A card's body. */
export function CardContent({ className, ...rest }: DivProps): ReactNode {
  return <div className={cx('bk:px-6 bk:py-5', className)} {...rest} />;
}

/** A card's bottom row of actions, separated by a hairline. */
export function CardFooter({ className, ...rest }: DivProps): ReactNode {
  return (
    <div
      className={cx(
        'bk:flex bk:flex-wrap bk:items-center bk:gap-3 bk:border-t bk:border-billkit-border bk:bg-billkit-muted/40 bk:px-6 bk:py-4',
        'bk:rounded-b-billkit-lg',
        className,
      )}
      {...rest}
    />
  );
}
