/**
 * Nothing Vertragswerk runs may reach the internet (README, „Was Vertragswerk zusichert“). Astro
 * would: it sends usage data (telemetry, and prints a notice about it in `astro check`), and its
 * dev server asks the npm registry for a newer Astro (`ASTRO_DISABLE_UPDATE_CHECK`, read in
 * astro/dist/core/dev/update-check.js, must be the string "true"). Every script sets both for
 * itself and for every process it starts; npm's own update check is off in `.npmrc`.
 */
export const OFFLINE_ENV = {
  ASTRO_TELEMETRY_DISABLED: '1',
  ASTRO_DISABLE_UPDATE_CHECK: 'true',
} as const;

/** Sets OFFLINE_ENV in `env` (by default this process, and so the processes it starts). */
export function stayOffline(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.assign(env, OFFLINE_ENV);
}
