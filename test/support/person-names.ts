import type { Content } from '../../src/lib/content-model.ts';

/** Every person's name the content knows: signatories, contacts, parties that are natural persons. None may reach a public DPIA. */
export function personNames(content: Content): string[] {
  const names = new Set<string>();
  for (const ledger of content.ledgers) for (const e of ledger.entries) if (e.signatory) names.add(e.signatory.name);
  for (const p of content.parties) for (const c of p.contacts) names.add(c.name);
  const natural = new Set(content.kinds.filter((k) => k.natural_person).map((k) => k.id));
  for (const p of content.parties) if (natural.has(p.kind)) names.add(p.name);
  return [...names].sort();
}
