'use client';
import type { ReactNode, SVGProps } from 'react';

// A handful of 16px stroke icons drawn inline: an icon library would cost more than all of them.
type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, ...rest }: IconProps & { children: ReactNode }): ReactNode {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      {...rest}
    >
      {children}
    </svg>
  );
}

/** A check mark (feature lists, selected states). */
export const CheckIcon = (props: IconProps): ReactNode => (
  <Icon {...props}>
    <path d="m3.5 8.5 3 3 6-7" />
  </Icon>
);

/** A warning triangle. */
export const AlertIcon = (props: IconProps): ReactNode => (
  <Icon {...props}>
    <path d="M8 2.5 1.75 13.25h12.5L8 2.5Z" />
    <path d="M8 6.5v3" />
    <path d="M8 11.5h.01" />
  </Icon>
);

/** An "i" in a circle. */
export const InfoIcon = (props: IconProps): ReactNode => (
  <Icon {...props}>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 7.25v3.5" />
    <path d="M8 5.25h.01" />
  </Icon>
);

/** A download arrow. */
export const DownloadIcon = (props: IconProps): ReactNode => (
  <Icon {...props}>
    <path d="M8 2.5v8" />
    <path d="m4.75 7.5 3.25 3.25 3.25-3.25" />
    <path d="M2.75 13.25h10.5" />
  </Icon>
);

/** A document (empty invoice list). */
export const DocumentIcon = (props: IconProps): ReactNode => (
  <Icon {...props}>
    <path d="M9.25 1.75h-5a1 1 0 0 0-1 1v10.5a1 1 0 0 0 1 1h7.5a1 1 0 0 0 1-1v-8.25l-3.5-3.25Z" />
    <path d="M9.25 1.75v3.25h3.5" />
    <path d="M5.75 8.75h4.5M5.75 11h3" />
  </Icon>
);

/** Stacked layers (empty plan list, free plan). */
export const LayersIcon = (props: IconProps): ReactNode => (
  <Icon {...props}>
    <path d="m8 1.75 6.25 3.25L8 8.25 1.75 5 8 1.75Z" />
    <path d="m1.75 8 6.25 3.25L14.25 8" />
    <path d="m1.75 11 6.25 3.25L14.25 11" />
  </Icon>
);

/** An arrow pointing right (calls to action). */
export const ArrowRightIcon = (props: IconProps): ReactNode => (
  <Icon {...props}>
    <path d="M3 8h10" />
    <path d="m9 4 4 4-4 4" />
  </Icon>
);

/** A chevron pointing down (a disclosure; rotate it when open). */
export const ChevronDownIcon = (props: IconProps): ReactNode => (
  <Icon {...props}>
    <path d="m4 6 4 4 4-4" />
  </Icon>
);
