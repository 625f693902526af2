import type { Content } from '../../src/lib/content-model.ts';

/** Every person's name the content knows: signatories, providers' contacts, childminders. None may reach a public DPIA. */
export function personNames(content: Content): string[] {
  const names = new Set<string>();
  for (const ledger of content.ledgers) for (const e of ledger.entries) if (e.signatory) names.add(e.signatory.name);
  for (const p of content.providers) for (const c of p.contacts) names.add(c.name);
  for (const c of content.childminders) names.add(c.name);
  return [...names].sort();
}
