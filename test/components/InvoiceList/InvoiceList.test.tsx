import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { InvoiceList } from '../../../src/components/InvoiceList';
import { startTestProxy, type TestProxy } from '../../helpers/proxy';
import { componentRoot, renderWithProxy } from '../../helpers/renderWithProxy';

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(async () => {
  await proxy?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const rows = () => screen.getAllByRole('row').filter((row) => row.hasAttribute('data-invoice-id'));

describe('<InvoiceList/>', () => {
  it('lists invoices in an accessible table, most recent first', async () => {
    const view = await renderWithProxy(proxy, <InvoiceList pageSize={5} />, { subject: 'user_pro' });
    expect(componentRoot(view.container, 'invoice-list')).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Invoices' });
    expect(componentRoot(view.container, 'invoice-list')).toHaveAttribute('data-state', 'ready');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Date',
      'Period',
      'Amount',
      'Status',
      'Invoice PDF',
    ]);
    expect(within(table).getAllByRole('columnheader')[0]).toHaveAttribute('scope', 'col');
    expect(rows()).toHaveLength(5);
    const first = rows()[0]!;
    expect(first).toHaveAttribute('data-status', 'paid');
    expect(within(first).getByText('$29.00')).toBeInTheDocument();
    expect(within(first).getByText('Paid')).toBeInTheDocument();
    expect(within(first).getByText(/ – /)).toBeInTheDocument();
    const dates = rows().map((row) => Date.parse(within(row).getAllByRole('cell')[0]!.textContent!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('loads more pages until the last one', async () => {
    const user = userEvent.setup();
    const { requests } = await renderWithProxy(proxy, <InvoiceList pageSize={5} />, { subject: 'user_pro' });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(10));
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(14));
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(new Set(rows().map((row) => row.getAttribute('data-invoice-id'))).size).toBe(14);
    expect(requests.filter((r) => r === 'GET /invoices')).toHaveLength(3);
  });

  it('shows every invoice status with its badge', async () => {
    await renderWithProxy(proxy, <InvoiceList />, { subject: 'user_past_due' });
    await screen.findByRole('table');
    const statuses = new Set(rows().map((row) => row.getAttribute('data-status')));
    expect(statuses).toEqual(new Set(['open', 'uncollectible', 'void', 'paid']));
    const open = rows().find((row) => row.getAttribute('data-status') === 'open')!;
    expect(within(open).getByText('Open')).toBeInTheDocument();
  });

  it('downloads the PDF of a row', async () => {
    const user = userEvent.setup();
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push(blob as Blob);
      return 'blob:invoice';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^invoice_.+\.pdf$/);
    });
    await renderWithProxy(proxy, <InvoiceList pageSize={3} />, { subject: 'user_pro' });
    await screen.findByRole('table');
    const row = rows()[0]!;
    await user.click(within(row).getByRole('button', { name: /^PDF invoice of / }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(saved).toHaveLength(1);
    const bytes = new Uint8Array(await saved[0]!.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  });

  it('shows a failed download in its row', async () => {
    const user = userEvent.setup();
    const view = await renderWithProxy(proxy, <InvoiceList pageSize={3} />, { subject: 'user_pro' });
    await screen.findByRole('table');
    const row = rows()[1]!;
    const id = row.getAttribute('data-invoice-id')!;
    view.unmount();
    const failing = await renderWithProxy(proxy, <InvoiceList pageSize={3} />, {
      subject: 'user_pro',
      failing: [`/invoices/${id}/pdf`],
    });
    await screen.findByRole('table');
    const target = rows().find((r) => r.getAttribute('data-invoice-id') === id)!;
    await user.click(within(target).getByRole('button', { name: /^PDF invoice of / }));
    expect(await within(target).findByRole('alert')).toHaveTextContent('Download failed');
    // The other rows are untouched.
    expect(within(rows()[0]!).queryByRole('alert')).not.toBeInTheDocument();
    failing.unmount();
  });

  it('shows the empty state without invoices', async () => {
    const view = await renderWithProxy(proxy, <InvoiceList />, { subject: 'user_free' });
    expect(await screen.findByText('No invoices yet')).toBeInTheDocument();
    expect(componentRoot(view.container, 'invoice-list')).toHaveAttribute('data-state', 'empty');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the error with a retry that loads the invoices', async () => {
    const user = userEvent.setup();
    const view = await renderWithProxy(proxy, <InvoiceList />, { subject: 'user_pro', failing: ['/invoices'] });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load your invoices.");
    expect(componentRoot(view.container, 'invoice-list')).toHaveAttribute('data-state', 'error');
    view.recover();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});
