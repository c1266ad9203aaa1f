import type { StripeAppearance } from '../../react/stripeIntegration';

/** Which Billkit token feeds which Stripe Elements appearance variable. */
const COLOR_TOKENS = {
  colorPrimary: '--billkit-primary',
  colorBackground: '--billkit-background',
  colorText: '--billkit-foreground',
  colorTextSecondary: '--billkit-muted-foreground',
  colorTextPlaceholder: '--billkit-muted-foreground',
  colorDanger: '--billkit-danger',
  colorSuccess: '--billkit-success',
  colorIcon: '--billkit-muted-foreground',
} as const;

/** `0.75rem` → `12px`: Stripe's iframe cannot resolve the host page's rem. */
function toPx(length: string, rootFontSize: number): string | undefined {
  const match = /^(-?[\d.]+)(rem|px)$/.exec(length.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * (match[2] === 'rem' ? rootFontSize : 1);
  return `${Math.round(value * 100) / 100}px`;
}

/**
 * The Stripe Elements `appearance` that makes the PaymentElement look like the rest of
 * Billkit: it reads the computed `--billkit-*` tokens at `element` (so an app's overrides
 * and dark mode apply) and maps them onto Stripe's variables. The PaymentElement lives
 * in Stripe's iframe, where our CSS variables do not reach, hence the resolved values.
 */
export function stripeAppearance(element: Element): StripeAppearance {
  const style = getComputedStyle(element);
  const token = (name: string) => style.getPropertyValue(name).trim();
  const rootFontSize = parseFloat(getComputedStyle(element.ownerDocument.documentElement).fontSize) || 16;

  const variables: NonNullable<StripeAppearance['variables']> = {};
  for (const [variable, name] of Object.entries(COLOR_TOKENS)) {
    const value = token(name);
    if (value) variables[variable as keyof typeof COLOR_TOKENS] = value;
  }
  const font = token('--billkit-font-sans');
  if (font) variables.fontFamily = font;
  const radius = toPx(token('--billkit-radius'), rootFontSize);
  if (radius) variables.borderRadius = radius;
  const spacing = toPx(token('--billkit-spacing'), rootFontSize);
  if (spacing) variables.spacingUnit = spacing;

  const border = token('--billkit-input');
  const ring = token('--billkit-ring');
  const dark = style.colorScheme.includes('dark');
  return {
    theme: dark ? 'night' : 'stripe',
    variables,
    rules: {
      ...(border && { '.Input': { borderColor: border, boxShadow: 'none' } }),
      ...(ring && { '.Input:focus': { borderColor: ring, boxShadow: `0 0 0 1px ${ring}` } }),
    },
  };
}
