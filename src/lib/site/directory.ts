import type { AgreementEntry, Content, PartyEntry, PartyKindEntry } from '../content-model.ts';
import { formatDateShort } from '../dates.ts';
import { eligibilityOn, isEligible, unitsInPlan, unitsOf, weightOf } from '../parties/eligibility.ts';
import { directoryKinds, inRegister, kindOf, kindSlug, kindWords, partiesOfKind, the, unitWordsOf, weightWordsOf } from '../parties/kinds.ts';
import { adjective, capitalize, definiteArticle, dieser, indefiniteArticle, jeder, possessive } from '../german/grammar.ts';
import { partyStanding, statusDate } from '../signing/figures.ts';
import { regimeLabel } from '../vocabulary.ts';
import { standingLabel } from './signing.ts';
import { buildDownloadViews, type DownloadView, type PdfManifestEntry } from './downloads.ts';
import { compareGerman, formatCount, formatNumber } from '../format.ts';
import { memo } from '../memo.ts';
import { exampleMarkOf, type ExampleMarkView } from '../example-data.ts';
import type { WorkingCopyEntry } from '../../schemas/manifest.ts';
import { pageCacheKey, type PageMeta } from './layout.ts';
import { urls } from './urls.ts';

/**
 * The public directory of a kind of party (`directory: true` in its kind file, never natural
 * persons): a list of the eligible parties and a page per party with its units and copies. Every
 * word comes from the kind file.
 */

export interface DirectoryRow {
  id: string;
  name: string;
  href: string;
  regimeLabel: string;
  /** Units in the plan (absent for a kind without listed units). */
  units?: string;
  /** Weight in the plan (absent for a kind without weight). */
  weight?: string;
  /** The party is example data (unless the directory shows one mark for all). */
  example?: ExampleMarkView;
}

export interface DirectoryView {
  kind: string;
  path: string;
  title: string;
  intro: string;
  summary: string;
  /** Name of the table region: „Trägerverzeichnis“. */
  tableLabel: string;
  caption: string;
  columns: { party: string; units?: { full: string; short: string }; weight?: string };
  /** The one mark every party of the directory shares (then no row repeats it). */
  example?: ExampleMarkView;
  rows: DirectoryRow[];
  checkHref: string;
}

export interface PartyPageView {
  /** Address, title and description of the page (BaseLayout's props). */
  page: PageMeta;
  id: string;
  name: string;
  kicker: { href: string; label: string };
  legalForm?: string;
  regimeLabel: string;
  address: string;
  noDownloadsText: string;
  downloads: DownloadView[];
  /** Absent for a kind without listed units. */
  units?: {
    heading: string;
    summary: string;
    caption: string;
    columns: { unit: string; register: string; weight?: string };
    rows: { name: string; address: string; planEntry: string; weight?: string; inPlan: boolean }[];
  };
  /** `detail` says what the date is: „am 18.04.2022“, or for an open offer „(angeboten am 05.06.2023)“. */
  signing?: { agreement: string; version: string; statusLabel: string; detail?: string }[];
  signingAsOfText?: string;
  /** „Der Träger hat der Veröffentlichung zugestimmt.“ */
  signingConsentText: string;
  contacts: { name: string; function: string; email?: string; phone?: string }[];
  checkHref: string;
  /** The party (name, address, units, weight) is example data. */
  example?: ExampleMarkView;
}

/** Agreements made with a kind. */
function kindAgreements(content: Content, kindId: string): AgreementEntry[] {
  return content.agreements.filter((a) => a.party_kinds.includes(kindId));
}

/** The agreement whose register and plan the directory shows: the main one, when it is made with the kind. */
function planAgreement(content: Content, kindId: string): AgreementEntry | undefined {
  const agreements = kindAgreements(content, kindId);
  return agreements.find((a) => a.id === content.site?.main_agreement) ?? agreements[0];
}

/** Parties of a kind eligible under any agreement made with it, in German name order; cached per build. */
export function directoryParties(content: Content, kindId: string): PartyEntry[] {
  return memo(content, `directory-parties:${kindId}`, () => {
    const agreements = kindAgreements(content, kindId);
    return partiesOfKind(content, kindId)
      .filter((p) => agreements.some((a) => isEligible(content, p, a)))
      .sort((a, b) => compareGerman(a.name, b.name));
  });
}

function address(a: { street: string; postal_code: string; city: string }): string {
  return `${a.street}, ${a.postal_code} ${a.city}`;
}

function directoryKind(content: Content, kindId: string): PartyKindEntry {
  const kind = kindOf(content, kindId);
  if (!kind || !kind.directory || kind.natural_person) throw new Error(`Für die Art „${kindId}“ gibt es kein öffentliches Verzeichnis.`);
  return kind;
}

export function buildDirectoryView(content: Content, kindId: string): DirectoryView {
  return memo(content, `directory:${kindId}`, () => {
    const kind = directoryKind(content, kindId);
    const words = kindWords(content, kindId);
    const units = unitWordsOf(kind);
    const listed = units?.listed ? units : undefined;
    const weight = weightWordsOf(kind);
    const agreement = planAgreement(content, kindId);
    const register = agreement ? eligibilityOn(content, agreement) : undefined;
    let unitCount = 0;
    let weightSum = 0;
    const rows = directoryParties(content, kindId).map((p): DirectoryRow => {
      const inPlan = agreement ? unitsInPlan(content, p, agreement).length : 0;
      const partyWeight = agreement ? weightOf(content, p, agreement) : 0;
      unitCount += inPlan;
      weightSum += partyWeight;
      return {
        id: p.id,
        name: p.name,
        href: urls.party(kindSlug(kind), p.id),
        regimeLabel: regimeLabel(content, p.regime),
        units: listed ? formatNumber(inPlan) : undefined,
        weight: weight ? formatNumber(partyWeight) : undefined,
        example: exampleMarkOf(p.beispiel),
      };
    });
    // Every party marked alike: one mark above the table, not one per row.
    const first = rows[0]?.example;
    const shared = first && rows.every((r) => r.example && r.example.note === first.note) ? first : undefined;
    const plan = register ? ` ${inRegister(register)}` : '';
    const group = words.adjective ? `${adjective(words.adjective, words.gender, 'nom', 'many', 'weak')} ${words.many}` : words.many;
    const perParty = listed
      ? `${capitalize(jeder(words.gender, 'nom'))} ${words.one} hat eine eigene Seite mit ${possessive(words.gender, 'one', listed.gender, 'dat', 'many')} ${listed.dativeMany} und den persönlichen PDF-Ausfertigungen der Vereinbarung.`
      : `${capitalize(jeder(words.gender, 'nom'))} ${words.one} hat eine eigene Seite mit den persönlichen PDF-Ausfertigungen der Vereinbarung.`;
    const counts = [
      ...(listed ? [formatCount(unitCount, listed.one, listed.many)] : []),
      ...(weight ? [formatCount(weightSum, weight.one, weight.dativeMany)] : []),
    ];
    return {
      kind: kindId,
      path: urls.directory(kindSlug(kind)),
      title: `${words.many} und ihre Ausfertigungen`,
      intro: `Alle ${group}${listed ? ` mit mindestens ${indefiniteArticle(listed.gender, 'dat')} ${listed.one}` : ''}${plan}. ${perParty}`,
      summary: `${formatCount(rows.length, words.one, words.many)}${counts.length > 0 ? ` mit ${counts.join(' und ')}` : ''}${plan}.`,
      tableLabel: words.directoryTitle,
      caption: `${words.many}${listed ? ` mit ${listed.dativeMany}` : ''}${register ? ` ${inRegister(register, false)}` : ''}`,
      columns: { party: words.one, units: listed ? { full: listed.many, short: listed.short } : undefined, weight: weight?.many },
      ...(shared ? { example: { ...shared, note: `alle ${formatCount(rows.length, words.one, words.many)}: ${shared.note ?? 'erfunden'}` } } : {}),
      rows: shared ? rows.map(({ example: _example, ...r }) => r) : rows,
      checkHref: urls.check(),
    };
  });
}

export interface DirectoryRoute {
  kind: string;
  slug: string;
}

export interface PartyRoute {
  kind: string;
  slug: string;
  id: string;
}

/** The directory pages: one per kind with `directory: true`. */
export function directoryRoutes(content: Content): DirectoryRoute[] {
  return directoryKinds(content).map((k) => ({ kind: k.id, slug: kindSlug(k) }));
}

/** A page per eligible party of each directory kind. */
export function partyRoutes(content: Content): PartyRoute[] {
  return directoryRoutes(content).flatMap((d) => directoryParties(content, d.kind).map((p) => ({ kind: d.kind, slug: d.slug, id: p.id })));
}

/**
 * Every party page with its view and the key of everything it shows: Astro renders a page of an
 * incremental build again only when its key (or its code) changed since the last build.
 */
export function partyPages(
  content: Content,
  downloadsOf: (partyId: string) => readonly PdfManifestEntry[],
  buildAsOf?: string,
  workingCopies: readonly WorkingCopyEntry[] = [],
): { kind: string; slug: string; id: string; view: PartyPageView; cacheKey: string }[] {
  return partyRoutes(content).map(({ kind, slug, id }) => {
    const view = buildPartyPageView(content, kind, id, downloadsOf(id), buildAsOf, workingCopies);
    return { kind, slug, id, view, cacheKey: pageCacheKey(content, view.page, view) };
  });
}

export function buildPartyPageView(
  content: Content,
  kindId: string,
  partyId: string,
  downloads: readonly PdfManifestEntry[],
  buildAsOf?: string,
  workingCopies: readonly WorkingCopyEntry[] = [],
): PartyPageView {
  const kind = directoryKind(content, kindId);
  const party = partiesOfKind(content, kindId).find((p) => p.id === partyId);
  if (!party) throw new Error(`Unbekannter Vertragspartner „${partyId}“ der Art „${kindId}“.`);
  const words = kindWords(content, kindId);
  const units = unitWordsOf(kind);
  const weight = weightWordsOf(kind);
  const agreement = planAgreement(content, kindId);
  const register = agreement ? eligibilityOn(content, agreement) : undefined;
  const inPlan = agreement ? unitsInPlan(content, party, agreement) : [];
  const inPlanIds = new Set(inPlan.map((u) => u.unit.id));
  const partyWeight = agreement ? weightOf(content, party, agreement) : 0;
  let signing: PartyPageView['signing'];
  let signingAsOfText: string | undefined;
  if (party.publish_signing_status) {
    signing = [];
    for (const a of kindAgreements(content, kindId)) {
      if (!isEligible(content, party, a)) continue;
      const asOf = statusDate(content, buildAsOf);
      if (!asOf) continue;
      signingAsOfText = formatDateShort(asOf);
      const standing = partyStanding(content, a, party, asOf);
      const { statusLabel, date } = standingLabel(standing);
      const version = standing.binding?.version ?? standing.ended?.version ?? standing.latestOffer?.version;
      const detail = !date ? undefined : standing.state === 'keine-antwort' ? `(angeboten am ${formatDateShort(date)})` : `seit ${formatDateShort(date)}`;
      signing.push({ agreement: a.short_title, version: version ?? '–', statusLabel, detail });
    }
  }
  const slug = kindSlug(kind);
  const listed = units?.listed ? units : undefined;
  const plan = register ? ` ${inRegister(register)}` : '';
  return {
    page: { path: urls.party(slug, party.id), title: party.name, description: `${party.name}: ${listed ? `${listed.many} und persönliche` : 'Persönliche'} Ausfertigungen der Vereinbarung` },
    id: party.id,
    name: party.name,
    kicker: { href: urls.directory(slug), label: words.many },
    legalForm: party.legal_form,
    regimeLabel: regimeLabel(content, party.regime),
    address: address(party.address),
    noDownloadsText: `Für ${dieser(words.gender, 'akk')} ${words.accusativeOne} liegt in diesem Stand der Website noch keine PDF-Ausfertigung vor.`,
    downloads: buildDownloadViews(content, downloads, workingCopies),
    units: listed
      ? {
          heading: listed.many,
          summary: `${formatCount(inPlan.length, listed.one, listed.many)}${plan}${weight ? ` mit ${formatCount(partyWeight, weight.one, weight.dativeMany)}` : ''}.`,
          caption: `${listed.many} ${the(words, 'gen')}`,
          columns: { unit: listed.one, register: register?.name ?? '', weight: weight?.many },
          rows: [...unitsOf(content, party)]
            .sort((a, b) => compareGerman(a.name, b.name))
            .map((u) => {
              const ref = inPlan.find((h) => h.unit.id === u.id)?.ref ?? u.refs.find((r) => r.register === register?.registerId)?.ref;
              return {
                name: u.name,
                address: address(u.address),
                planEntry: ref ? `${ref.entry} (${ref.plan})` : `nicht ${register ? inRegister(register, false) : 'im Register'}`,
                weight: weight ? formatNumber(u.weight) : undefined,
                inPlan: inPlanIds.has(u.id),
              };
            }),
        }
      : undefined,
    signing,
    signingAsOfText,
    signingConsentText: `${the(words, 'nom', 'one', true)} hat der Veröffentlichung zugestimmt.`,
    // Contacts are natural persons: only those marked public appear.
    contacts: party.contacts.filter((c) => c.oeffentlich).map((c) => ({ name: c.name, function: c.function, email: c.email, phone: c.phone })),
    checkHref: urls.check(),
    example: exampleMarkOf(party.beispiel),
  };
}

/** How the check page names a party of a kind and links to its page. */
export interface CopyKindWords {
  /** Prefix of the party pages, e.g. `/traeger/`. */
  pages: string;
  /** „Zur Seite des Trägers“ */
  pageLabel: string;
}

/** The words of each kind whose copies the register lists. */
export function copyKindWords(content: Content): Record<string, CopyKindWords> {
  return Object.fromEntries(
    directoryKinds(content).map((kind) => {
      const words = kindWords(content, kind.id);
      return [kind.id, { pages: urls.directory(kindSlug(kind)), pageLabel: `Zur Seite ${the(words, 'gen')}` }];
    }),
  );
}


/** The check page's sentences that point to the parties' pages (the first directory kind; a neutral text without one). */
export function buildCheckPageView(content: Content): { noscript: string; sources: { before: string; link?: { href: string; label: string }; after: string } } {
  const kind = directoryKinds(content)[0];
  if (!kind) {
    return {
      noscript: 'Die Prüfung im Browser braucht JavaScript. Ohne JavaScript können Sie die Prüfsumme selbst berechnen und mit dem maschinenlesbaren Verzeichnis vergleichen (siehe unten).',
      sources: { before: 'Die Prüfsumme jeder Ausfertigung steht im ', after: '' },
    };
  }
  const words = kindWords(content, kind.id);
  return {
    noscript: `Die Prüfung im Browser braucht JavaScript. Ohne JavaScript können Sie die Prüfsumme selbst berechnen und mit der Angabe auf der Seite ${the(words, 'gen')} vergleichen (siehe unten).`,
    sources: {
      before: `Die Prüfsumme jeder Ausfertigung steht auf der Seite ${definiteArticle(words.gender, 'gen')} ${adjective('jeweilig', words.gender, 'gen', 'one', 'weak')} ${words.genitiveOne} im `,
      link: { href: urls.directory(kindSlug(kind)), label: words.directoryTitle },
      after: ' und im ',
    },
  };
}
