import type { Content } from './content-model.ts';

const caches = new WeakMap<Content, Map<string, unknown>>();

/**
 * Caches a value per content object and key. Astro renders every page of a build from the
 * same content object, so 1,000 provider pages share one index instead of rebuilding it.
 */
export function memo<T>(content: Content, key: string, build: () => T): T {
  let cache = caches.get(content);
  if (!cache) {
    cache = new Map();
    caches.set(content, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = build();
  cache.set(key, value);
  return value;
}
