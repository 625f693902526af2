// @ts-check
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { astroConfig } from './src/io/astro-config.ts';

// Used by `astro check` and a bare `astro build`; `npm run build` and `npm run dev` pass their own
// context (content folder, --as-of, PDF directory) to the same configuration.
export default defineConfig(astroConfig({ contentDir: path.resolve('content'), generation: 0 }));
