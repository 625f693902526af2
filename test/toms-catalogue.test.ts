import { beforeAll, describe, expect, it } from 'vitest';
import type { AgreementEntry, Content, TomEntry, Version } from '../src/lib/content-model.ts';
import { annexSince, isInAnnex, paragraphNumbers, tomAnnexEditions, tomAnnexListings, tomCatalogue, tomReferences } from '../src/lib/toms/catalogue.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

let base: Content;
beforeAll(async () => {
  base = await loadSiteFixture();
});

/**
 * The fixture plus a childminders' agreement „tagespflege“ whose draft 1.2 inserts a § before
 * „sicherheit“, so the same § id has number 2 in 1.0/1.1 and number 3 in 1.2.
 */
function withTwoAgreements(toms: (t: TomEntry) => Partial<TomEntry>): Content {
  const muster = base.agreements.find((a) => a.id === 'muster')!;
  const v11 = muster.versions.find((v) => v.version === '1.1')!;
  const inserted = { ...v11.sections[0]!, id: 'haftung', number: 2, title: 'Haftung' };
  const v12: Version = {
    ...v11,
    version: '1.2',
    folder: '1.2',
    status: 'entwurf',
    sections: [v11.sections[0]!, inserted, ...v11.sections.slice(1).map((s) => ({ ...s, number: s.number + 1 }))],
  };
  const tagespflege: AgreementEntry = { ...muster, id: 'tagespflege', short_title: 'Vereinbarung Tagespflege', party_kinds: ['kindertagespflege'], versions: [...muster.versions, v12] };
  return { ...base, agreements: [muster, tagespflege], toms: base.toms.map((t) => ({ ...t, ...toms(t) })) };
}

const tagespflege = (content: Content) => content.agreements.find((a) => a.id === 'tagespflege')!;
const version = (agreement: AgreementEntry, v: string) => agreement.versions.find((x) => x.version === v)!;
const tom = (content: Content, id: string) => content.toms.find((t) => t.id === id)!;

describe('which annexes list a measure', () => {
  it.each([
    ['no agreements: every agreement from since_version', undefined, 'tagespflege', '1.1'],
    ['listed agreement without since: since_version', [{ agreement: 'tagespflege' }], 'tagespflege', '1.1'],
    ['listed agreement with its own since', [{ agreement: 'tagespflege', since: '1.2' }], 'tagespflege', '1.2'],
    ['agreement not listed: never', [{ agreement: 'muster' }], 'tagespflege', undefined],
  ] as const)('%s', (_title, agreements, agreementId, expected) => {
    const t = { ...base.toms.find((x) => x.id === 'tom-vertraulichkeit-02')!, agreements: agreements?.map((a) => ({ ...a })) };
    expect(annexSince(t, agreementId)).toBe(expected);
  });

  it('puts a measure into a version’s annex from its since version on, per agreement', () => {
    const content = withTwoAgreements((t) => (t.id === 'tom-vertraulichkeit-02' ? { agreements: [{ agreement: 'muster' }, { agreement: 'tagespflege', since: '1.2' }] } : {}));
    const t = tom(content, 'tom-vertraulichkeit-02');
    expect([isInAnnex(t, 'muster', '1.0'), isInAnnex(t, 'muster', '1.1'), isInAnnex(t, 'tagespflege', '1.1'), isInAnnex(t, 'tagespflege', '1.2')]).toEqual([false, true, false, true]);
    const ids = (agreement: string, v: string) => tomCatalogue(content, { agreement, version: v }).flatMap((g) => g.measures.map((m) => m.id));
    expect(ids('muster', '1.1')).toEqual(['tom-vertraulichkeit-01', 'tom-vertraulichkeit-02']);
    expect(ids('tagespflege', '1.1')).toEqual(['tom-vertraulichkeit-01']);
    expect(ids('tagespflege', '1.2')).toEqual(['tom-vertraulichkeit-01', 'tom-vertraulichkeit-02']);
  });
});

describe('tomAnnexEditions', () => {
  it('gives every version’s annex, main agreement first, drafts marked, each with only the measures it lists', () => {
    const content = withTwoAgreements((t) => (t.id === 'tom-vertraulichkeit-02' ? { agreements: [{ agreement: 'muster' }, { agreement: 'tagespflege', since: '1.2' }] } : {}));
    const editions = tomAnnexEditions(content);
    const ids = (e: (typeof editions)[number]) => e.goals.flatMap((g) => g.measures.map((m) => m.id)).join(' ');
    expect(editions.map((e) => `${e.agreement.id} ${e.version.version}${e.draft ? ' (Entwurf)' : ''}: ${ids(e)}`)).toEqual([
      'muster 1.0: tom-vertraulichkeit-01',
      'muster 1.1: tom-vertraulichkeit-01 tom-vertraulichkeit-02',
      'tagespflege 1.0: tom-vertraulichkeit-01',
      'tagespflege 1.1: tom-vertraulichkeit-01',
      'tagespflege 1.2 (Entwurf): tom-vertraulichkeit-01 tom-vertraulichkeit-02',
    ]);
    // Each measure carries only this annex's listing, its §§ numbered for this version.
    const draft = editions[4]!;
    expect(draft.goals.flatMap((g) => g.measures.flatMap((m) => m.annexes.map((a) => `${a.agreementId} ${a.version}`)))).toEqual(['tagespflege 1.2', 'tagespflege 1.2']);
  });
});

describe('tomReferences', () => {
  it('numbers a § by its id for each version and names the agreement, with non-breaking spaces', () => {
    const content = withTwoAgreements((t) => ({ refs: [{ agreement: 'tagespflege', section: 'sicherheit', paragraph: 2 }, { agreement: 'muster', section: 'loeschung' }] }));
    const t = tom(content, 'tom-vertraulichkeit-01');
    const a = tagespflege(content);
    expect(tomReferences(t, a, version(a, '1.1'))).toEqual(['§\u00a02 Abs.\u00a02 der Vereinbarung Tagespflege']);
    expect(tomReferences(t, a, version(a, '1.2'))).toEqual(['§\u00a03 Abs.\u00a02 der Vereinbarung Tagespflege']);
  });

  it('leaves out a § or paragraph the version does not have', () => {
    const content = withTwoAgreements(() => ({ refs: [{ agreement: 'tagespflege', section: 'haftung' }, { agreement: 'tagespflege', section: 'sicherheit', paragraph: 9 }] }));
    const a = tagespflege(content);
    const t = tom(content, 'tom-vertraulichkeit-01');
    expect(tomReferences(t, a, version(a, '1.1'))).toEqual([]);
    expect(tomReferences(t, a, version(a, '1.2'))).toEqual(['§\u00a02 der Vereinbarung Tagespflege']);
  });

  it('gives each annex only its own agreement’s §§: the PDF of one agreement never cites the other', () => {
    const content = withTwoAgreements(() => ({ refs: [{ agreement: 'muster', section: 'sicherheit' }, { agreement: 'tagespflege', section: 'sicherheit' }] }));
    const [group] = tomCatalogue(content, { agreement: 'tagespflege', version: '1.2' });
    expect(group!.measures[0]!.annexes.map((a) => [a.agreementId, a.version, a.references])).toEqual([['tagespflege', '1.2', ['§\u00a03 der Vereinbarung Tagespflege']]]);
    // Without an annex (the site): every agreement at its current (adopted) version – 1.1, not the draft 1.2.
    const listings = tomAnnexListings(content, tom(content, 'tom-vertraulichkeit-01'));
    expect(listings.map((a) => `${a.agreementId} ${a.since} ${a.version}: ${a.references.join('; ')}`)).toEqual([
      'muster 1.0 1.1: §\u00a02 der Mustervereinbarung',
      'tagespflege 1.0 1.1: §\u00a02 der Vereinbarung Tagespflege',
    ]);
  });

  it('lists no annex for an agreement that is no processing agreement (auftragsverarbeitung: false)', () => {
    const two = withTwoAgreements(() => ({}));
    const content: Content = { ...two, agreements: two.agreements.map((a) => (a.id === 'tagespflege' ? { ...a, auftragsverarbeitung: false } : a)) };
    expect(tomAnnexListings(content, tom(content, 'tom-vertraulichkeit-01')).map((a) => a.agreementId)).toEqual(['muster']);
    expect(tomCatalogue(content, { agreement: 'tagespflege', version: '1.1' })).toEqual([]);
    expect(tomCatalogue(two, { agreement: 'tagespflege', version: '1.1' }).flatMap((g) => g.measures.map((m) => m.id))).toEqual(['tom-vertraulichkeit-01', 'tom-vertraulichkeit-02']);
  });

  it('reads paragraph numbers only at the start of a line', () => {
    expect(paragraphNumbers('(1) Satz mit Verweis (3) im Text.\n\n(2) Zweiter Absatz.\n')).toEqual([1, 2]);
  });
});
