import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubscriptionCard } from '../../../src/components/SubscriptionCard';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { componentRoot, renderWithProxy } from '../../helpers/renderWithProxy';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(async () => {
  await proxy?.close();
});

/** Opens the cancel dialog of `user_pro`'s card rendered inside `wrap`; returns the dialog's portal. */
async function openCancelDialogIn(wrap: (card: ReactNode) => ReactNode): Promise<HTMLElement> {
  const user = userEvent.setup();
  const view = await renderWithProxy(proxy, wrap(<SubscriptionCard />), { subject: 'user_pro' });
  const root = componentRoot(view.container, 'subscription-card');
  await user.click(await within(root).findByRole('button', { name: 'Cancel subscription' }));
  const dialog = await screen.findByRole('dialog', { name: 'Cancel subscription?' });
  const portal = dialog.closest<HTMLElement>('[data-billkit-portal]');
  expect(portal).not.toBeNull();
  // The portal renders under <body>, outside the themed wrapper.
  expect(root.contains(dialog)).toBe(false);
  return portal!;
}

describe('Dialog portals follow the theme of where the dialog sits', () => {
  it('carries data-theme="dark" when opened inside a .dark wrapper', async () => {
    const portal = await openCancelDialogIn((card) => <div className="dark">{card}</div>);
    expect(portal).toHaveAttribute('data-theme', 'dark');
  });

  it('takes the nearest marker: a [data-theme="light"] island inside .dark stays light', async () => {
    const portal = await openCancelDialogIn((card) => (
      <div className="dark">
        <section data-theme="light">{card}</section>
      </div>
    ));
    expect(portal).toHaveAttribute('data-theme', 'light');
  });

  it('carries the OS opt-in (data-billkit-theme="system") along', async () => {
    const portal = await openCancelDialogIn((card) => <div data-billkit-theme="system">{card}</div>);
    expect(portal).toHaveAttribute('data-billkit-theme', 'system');
    expect(portal).not.toHaveAttribute('data-theme');
  });

  it('adds nothing without a marker (the :root tokens apply, as to the card)', async () => {
    const portal = await openCancelDialogIn((card) => <div>{card}</div>);
    expect(portal).not.toHaveAttribute('data-theme');
    expect(portal).not.toHaveAttribute('data-billkit-theme');
  });
});

describe('Dialog portals follow a theme switched while the dialog is open', () => {
  it('turns light when the app drops .dark for .light, and back', async () => {
    let wrapper: HTMLElement | null = null;
    const portal = await openCancelDialogIn((card) => (
      <div className="dark" ref={(node) => void (wrapper = node)}>
        {card}
      </div>
    ));
    expect(portal).toHaveAttribute('data-theme', 'dark');
    wrapper!.className = 'light';
    await waitFor(() => expect(portal).toHaveAttribute('data-theme', 'light'));
    wrapper!.className = 'dark';
    await waitFor(() => expect(portal).toHaveAttribute('data-theme', 'dark'));
  });

  it('switches to the OS opt-in and drops the old data-theme', async () => {
    let wrapper: HTMLElement | null = null;
    const portal = await openCancelDialogIn((card) => (
      <div data-theme="dark" ref={(node) => void (wrapper = node)}>
        {card}
      </div>
    ));
    wrapper!.removeAttribute('data-theme');
    wrapper!.setAttribute('data-billkit-theme', 'system');
    await waitFor(() => expect(portal).toHaveAttribute('data-billkit-theme', 'system'));
    expect(portal).not.toHaveAttribute('data-theme');
  });
});
