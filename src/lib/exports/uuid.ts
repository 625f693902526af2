import { createHash } from 'node:crypto';

/**
 * Namespace of every UUID Vertragswerk derives (UUID v5 of the URL namespace over
 * „https://vertragswerk.invalid/oscal“). Fixed: changing it changes every published UUID.
 */
export const VERTRAGSWERK_UUID_NAMESPACE = '56463aa4-63c5-5036-898e-3bf96417db0b';

/** RFC 9562 UUID version 5 (SHA-1, name-based): the same name gives the same UUID in every build. */
export function uuidV5(name: string, namespace: string = VERTRAGSWERK_UUID_NAMESPACE): string {
  const ns = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(ns)) throw new Error(`Not a UUID: ${namespace}`);
  const hash = createHash('sha1').update(Buffer.from(ns, 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
