import type { StorybookConfig } from '@storybook/react-vite';

// Storybook reuses vite.config.ts (React, Tailwind v4, PGlite kept out of pre-bundling).
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  // mockServiceWorker.js (msw) is served from here: the in-browser proxy answers through it.
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
  // Names the icon, so browsers do not ask for a /favicon.ico that a static server lacks.
  previewHead: (head) => `${head}<link rel="icon" type="image/svg+xml" href="./favicon.svg" />`,
};

export default config;
