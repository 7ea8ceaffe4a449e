import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // Offline play: a Workbox service worker precaches every built file (app shell, lazy chunks,
    // the solver worker, icons), so the app runs with no network after the first visit.
    // 'prompt': a new version waits until the player presses "Reload" (src/app/UpdateNotice.tsx);
    // it is never forced mid-game. Registration is our own few lines (injectRegister: false), so
    // the first load carries no workbox-window.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Sokoban Playground',
        short_name: 'Sokoban',
        description: 'Paste a Sokoban level, play it, and let a solver find the answer.',
        theme_color: '#2d3748',
        background_color: '#2d3748',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,txt,xsb,json,wasm}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit is served by the worker at once (lazy chunks included), not from the next
        // visit on. An update activates (and claims) only when the player presses "Reload".
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // React DOM is its own first-load chunk: Chromium parses each module script on its own
        // background thread while it downloads, so two chunks of ~200 KB and ~100 KB are ready
        // sooner than one of 300 KB on a machine with two cores or more; and an update of the
        // app's code leaves the cached React DOM chunk as it was.
        // The game's model (engine, stores, share code) that the first load and the lazy panels
        // both use is one chunk: left to itself the bundler made three more of a few hundred
        // bytes each, and a seventh file on the first load waits for a connection over HTTP/1.1.
        // (A module only lazy panels share would land here too: measure-app.ts's JS budget
        // catches that.)
        codeSplitting: {
          groups: [
            { name: 'react-dom', test: /node_modules[\\/](react-dom|scheduler)[\\/]/ },
            {
              name: 'game',
              test: /[\\/]src[\\/](sokoban|store|share)[\\/]|[\\/]levels[\\/]|node_modules[\\/]zustand[\\/]/,
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
    // `npm run coverage`: what the unit and component tests execute of src/ (the e2e tests run
    // the built bundle in Chromium and are not counted). Files no test loads count as 0 %.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      reporter: ['text-summary', 'text', 'html'],
    },
  },
});
