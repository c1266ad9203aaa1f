import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The proxy runs beside the app (`npx billkit-proxy`, port 4242); the dev server forwards
// the billing endpoints to it, so the browser talks to one origin.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': 'http://localhost:4242',
      '/checkout': 'http://localhost:4242',
    },
  },
});
