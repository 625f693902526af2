// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The build script passes the content folder and the site URL through the environment,
// so `--content` works for every page without Astro-specific flags.
const site = process.env.VERTRAGSWERK_SITE_URL || 'https://vereinbarungen.dresden.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
