import { versionRank } from '../agreement/versions.ts';
import type { Content } from '../content-model.ts';
import { formatDateShort } from '../dates.ts';
import { directoryKinds } from '../parties/kinds.ts';

/** A PDF copy the public check page recognises, with what it can say about it. */
export interface KnownCopy {
  sha256: string;
  documentId?: string;
  party: string;
  /** The party's kind (one with a public directory): `kinds` of the register says how to name it. */
  kind: string;
  /** The party's name: only parties of kinds listed in a public directory (organisations) have copies here. */
  partyName: string;
  agreement: string;
  agreementTitle: string;
  version: string;
  /** „die aktuell veröffentlichte Ausfertigung“, „angeboten am 04.04.2022“, „unterzeichnet am …“, „im Zeichnungsregister vermerkt“. */
  what: string;
  /** Set when the party has a copy of a newer version published, or the same version with other bytes. */
  newer?: { version: string; path: string };
  /** Site path of the current file, when this is it. */
  path?: string;
}

/** The minimum of a PDF manifest entry this needs. */
export interface PublishedCopy {
  path: string;
  party: string;
  agreement: string;
  version: string;
  sha256: string;
  documentId?: string;
}

/**
 * Every copy a party of a kind with a public directory may hold and check: the ones published
 * now (manifest) and every copy the ledger names for an offer or a signature, current or
 * superseded. Copies of natural persons are private and never listed. What the ledger says about
 * a party whose signing status is not published is reduced to „im Zeichnungsregister vermerkt“,
 * without event or date.
 */
export function buildCopyRegister(content: Content, published: readonly PublishedCopy[]): KnownCopy[] {
  const listed = new Set(directoryKinds(content).map((k) => k.id));
  const providers = new Map(content.parties.filter((p) => listed.has(p.kind)).map((p) => [p.id, p]));
  const agreements = new Map(content.agreements.filter((a) => a.party_kinds.some((k) => listed.has(k))).map((a) => [a.id, a]));
  const publishedByParty = new Map<string, PublishedCopy[]>();
  for (const copy of published) {
    const key = `${copy.agreement}\u0000${copy.party}`;
    publishedByParty.set(key, [...(publishedByParty.get(key) ?? []), copy]);
  }
  /** The newest published copy of that party, unless it is this very file. */
  const newerThan = (agreementId: string, party: string, version: string, sha256: string) => {
    const agreement = agreements.get(agreementId)!;
    const mine = (publishedByParty.get(`${agreementId}\u0000${party}`) ?? []).sort((a, b) => versionRank(agreement, b.version) - versionRank(agreement, a.version));
    const newest = mine[0];
    if (!newest || newest.sha256 === sha256) return undefined;
    if (versionRank(agreement, newest.version) < versionRank(agreement, version)) return undefined;
    return { version: newest.version, path: `/${newest.path}` };
  };
  const out: KnownCopy[] = [];
  const seen = new Set<string>();
  for (const copy of published) {
    const agreement = agreements.get(copy.agreement);
    const provider = providers.get(copy.party);
    if (!agreement || !provider) continue;
    seen.add(copy.sha256);
    out.push({
      sha256: copy.sha256,
      documentId: copy.documentId,
      party: copy.party,
      kind: provider.kind,
      partyName: provider.name,
      agreement: agreement.id,
      agreementTitle: agreement.short_title,
      version: copy.version,
      what: 'die aktuell veröffentlichte Ausfertigung',
      newer: newerThan(agreement.id, copy.party, copy.version, copy.sha256),
      path: `/${copy.path}`,
    });
  }
  for (const ledger of content.ledgers) {
    const agreement = agreements.get(ledger.agreement);
    if (!agreement) continue;
    for (const entry of ledger.entries) {
      const provider = providers.get(entry.party);
      if (!provider) continue;
      const events = [
        { copy: entry.offered_copy, what: `angeboten am ${formatDateShort(entry.offered)}` },
        { copy: entry.signed_copy, what: entry.signed ? `unterzeichnet am ${formatDateShort(entry.signed)}` : 'unterzeichnet' },
        // A reminder may enclose a copy from a later build: the party may sign that one.
        ...(entry.reminders ?? []).map((r) => ({ copy: r.copy, what: `mit der Erinnerung vom ${formatDateShort(r.date)} versandt` })),
      ];
      for (const { copy, what } of events) {
        if (!copy || seen.has(copy.sha256)) continue;
        seen.add(copy.sha256);
        out.push({
          sha256: copy.sha256,
          documentId: copy.document_id,
          party: entry.party,
          kind: provider.kind,
          partyName: provider.name,
          agreement: agreement.id,
          agreementTitle: agreement.short_title,
          version: entry.version,
          what: provider.publish_signing_status ? `die Ausfertigung, die im Zeichnungsregister als ${what} vermerkt ist` : 'eine im Zeichnungsregister vermerkte Ausfertigung',
          newer: newerThan(agreement.id, entry.party, entry.version, copy.sha256),
        });
      }
    }
  }
  return out.sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
}
