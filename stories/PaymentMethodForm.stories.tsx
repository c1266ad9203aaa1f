import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { PaymentMethodForm } from '../src/components/PaymentMethodForm';
import { withMaxWidth } from './storyHelpers';

/**
 * `<PaymentMethodForm/>` alone, on the in-browser reference proxy: 4242 4242 4242 4242
 * saves, 4000 0025 0000 3155 asks for 3-D Secure, 4000 0000 0000 0002 is declined.
 */
const meta = {
  title: 'Components/PaymentMethodForm',
  component: PaymentMethodForm,
  args: { onSaved: fn() },
  decorators: [withMaxWidth(420)],
} satisfies Meta<typeof PaymentMethodForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = { parameters: { billkit: { subject: 'user_pro' } } };

/** Inside a recovery: the submit button says what it will do. */
export const WithSubmitLabel: Story = {
  args: { submitLabel: 'Save and pay $9.00' },
  parameters: { billkit: { subject: 'user_past_due' } },
};
