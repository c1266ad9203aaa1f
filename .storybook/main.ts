import type { StorybookConfig } from '@storybook/react-vite';

// Storybook reuses vite.config.ts (React, Tailwind v4, PGlite kept out of pre-bundling).
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  // mockServiceWorker.js (msw) is served from here: the in-browser proxy answers through it.
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
};

export default config;
