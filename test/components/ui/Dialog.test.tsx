import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Button } from '../../../src/components/ui/Button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../../src/components/ui/Dialog';

afterEach(() => {
  document.documentElement.removeAttribute('style');
});

/** A dialog opened by its trigger, with a second dialog that opens on top of it. */
function Nested() {
  const [inner, setInner] = useState(false);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button>Open</Button>
      </DialogTrigger>
      <DialogContent title="Outer" description="The first dialog." footer={<DialogClose asChild><Button>Close outer</Button></DialogClose>}>
        <Button onClick={() => setInner(true)}>Open inner</Button>
        <Dialog open={inner} onOpenChange={setInner}>
          <DialogContent title="Inner" description="On top of the first." footer={<Button onClick={() => setInner(false)}>Close inner</Button>} />
        </Dialog>
      </DialogContent>
    </Dialog>
  );
}

describe('<DialogContent/>', () => {
  it('is a modal dialog named by its title and described by its description, with focus inside', async () => {
    render(<Nested />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = await screen.findByRole('dialog', { name: 'Outer' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('The first dialog.');
    await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement));
  });

  it("locks the page's scroll while open, keeps it while a nested dialog closes, and restores the app's own inline style", async () => {
    document.documentElement.style.overflow = 'scroll';
    render(<Nested />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByRole('dialog', { name: 'Outer' });
    expect(document.documentElement.style.overflow).toBe('hidden');

    await user.click(screen.getByRole('button', { name: 'Open inner' }));
    await screen.findByRole('dialog', { name: 'Inner' });
    await user.click(screen.getByRole('button', { name: 'Close inner' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Inner' })).toBeNull());
    // The outer dialog is still open: the page stays locked.
    expect(document.documentElement.style.overflow).toBe('hidden');

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.documentElement.style.overflow).toBe('scroll');
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('unlocks when a dialog unmounts while open', async () => {
    const view = render(<Nested />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByRole('dialog', { name: 'Outer' });
    expect(document.documentElement.style.overflow).toBe('hidden');
    view.unmount();
    expect(document.documentElement.style.overflow).toBe('');
  });
});
