import type { Decorator, Preview } from '@storybook/react-vite';
import { useEffect } from 'react';
import { BillkitStory } from './BillkitStory';
import type { BillkitStoryParameters } from './browserProxy';
import './preview.css';

const themeClasses: Record<string, string[]> = {
  light: ['light'],
  dark: ['dark'],
  brand: ['light', 'billkit-brand'],
};

/** Applies the toolbar's theme as classes on <html>, as an app would (a component name: it calls a hook). */
const WithTheme: Decorator = (Story, context) => {
  const theme = String(context.globals.theme ?? 'light');
  useEffect(() => {
    const root = document.documentElement;
    root.classList.remove('light', 'dark', 'billkit-brand');
    root.classList.add(...(themeClasses[theme] ?? themeClasses.light!));
  }, [theme]);
  return <Story />;
};

/** Every story talks to the reference proxy running in the page, as `parameters.billkit.subject`. */
const withBillingProxy: Decorator = (Story, context) => (
  <BillkitStory key={context.id} parameters={(context.parameters.billkit ?? {}) as BillkitStoryParameters}>
    <Story />
  </BillkitStory>
);

const preview: Preview = {
  decorators: [withBillingProxy, WithTheme],
  globalTypes: {
    theme: {
      description: 'Billkit theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'brand', title: 'Brand' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
