/** A class-name value: strings join, falsy values drop out (for conditional classes). */
export type ClassValue = string | false | null | undefined | 0;

/**
 * Joins class names, skipping falsy ones: `cx('a', isOn && 'b', className)`.
 * Billkit passes the caller's `className` last, so the app's classes come after its own.
 */
export function cx(...classes: ClassValue[]): string {
  let out = '';
  for (const value of classes) {
    if (value) out = out ? `${out} ${value}` : value;
  }
  return out;
}
