import { REGIME_LABELS } from '../../schemas/common.ts';
import type { AgreementEntry, Content, ProviderEntry } from '../content-model.ts';
import { formatDateShort } from '../dates.ts';
import { bedarfsplanPlaces, isEligible } from '../parties/eligibility.ts';
import { partyStanding, statusDate } from '../signing/figures.ts';
import { standingLabel } from './signing.ts';
import { buildDownloadViews, type DownloadView, type PdfManifestEntry } from './downloads.ts';
import type { WorkingCopyEntry } from '../../schemas/manifest.ts';
import { compareGerman, formatCount, formatNumber } from '../format.ts';
import { memo } from '../memo.ts';
import { exampleMarkOf, type ExampleMarkView } from '../example-data.ts';
import { pageCacheKey, type PageMeta } from './layout.ts';
import { urls } from './urls.ts';

export interface ProviderRow {
  id: string;
  name: string;
  href: string;
  regimeLabel: string;
  facilities: string;
  places: string;
  /** The provider is example data (unless the directory shows one mark for all). */
  example?: ExampleMarkView;
}

export interface ProviderDirectoryView {
  title: string;
  intro: string;
  summary: string;
  /** The one mark every provider of the directory shares (then no row repeats it). */
  example?: ExampleMarkView;
  rows: ProviderRow[];
}

export interface ProviderPageView {
  /** Address, title and description of the page (BaseLayout's props). */
  page: PageMeta;
  id: string;
  name: string;
  legalForm: string;
  regimeLabel: string;
  address: string;
  facilitiesSummary: string;
  facilities: { name: string; address: string; planEntry: string; places: string; inPlan: boolean }[];
  downloads: DownloadView[];
  /** `detail` says what the date is: „am 18.04.2022“, or for an open offer „(angeboten am 05.06.2023)“. */
  signing?: { agreement: string; version: string; statusLabel: string; detail?: string }[];
  signingAsOfText?: string;
  contacts: { name: string; function: string; email?: string; phone?: string }[];
  checkHref: string;
  directoryHref: string;
  /** The provider (name, address, facilities, places) is example data. */
  example?: ExampleMarkView;
}

/** Agreements that providers sign. */
function providerAgreements(content: Content): AgreementEntry[] {
  return content.agreements.filter((a) => a.party_kind === 'traeger');
}

/** Providers eligible under any provider agreement, in German name order; cached per build. */
export function eligibleProviders(content: Content): ProviderEntry[] {
  return memo(content, 'eligible-providers', () => {
    const agreements = providerAgreements(content);
    return content.providers.filter((p) => agreements.some((a) => isEligible(p, a))).sort((a, b) => compareGerman(a.name, b.name));
  });
}

function planOf(content: Content): AgreementEntry | undefined {
  return providerAgreements(content).find((a) => a.id === content.site?.main_agreement) ?? providerAgreements(content)[0];
}

function address(a: { street: string; postal_code: string; city: string }): string {
  return `${a.street}, ${a.postal_code} ${a.city}`;
}

export function buildProviderDirectoryView(content: Content): ProviderDirectoryView {
  return memo(content, 'provider-directory', () => {
    const agreement = planOf(content);
    const providers = eligibleProviders(content);
    let facilities = 0;
    let places = 0;
    const rows = providers.map((p) => {
      const inPlan = agreement ? p.facilities.filter((f) => f.bedarfsplan?.plan === agreement.bedarfsplan) : p.facilities;
      const providerPlaces = agreement ? bedarfsplanPlaces(p, agreement) : 0;
      facilities += inPlan.length;
      places += providerPlaces;
      return {
        id: p.id,
        name: p.name,
        href: urls.provider(p.id),
        regimeLabel: REGIME_LABELS[p.regime],
        facilities: formatNumber(inPlan.length),
        places: formatNumber(providerPlaces),
        example: exampleMarkOf(p.beispiel),
      };
    });
    const plan = agreement ? ` im Bedarfsplan ${agreement.bedarfsplan}` : '';
    // Every provider marked alike: one mark above the table, not one per row.
    const first = rows[0]?.example;
    const shared = first && rows.every((r) => r.example && r.example.note === first.note) ? first : undefined;
    return {
      title: 'Träger und ihre Ausfertigungen',
      intro: `Alle freien Träger mit mindestens einer Einrichtung${plan}. Jeder Träger hat eine eigene Seite mit seinen Einrichtungen und den persönlichen PDF-Ausfertigungen der Vereinbarung.`,
      summary: `${formatCount(rows.length, 'Träger', 'Träger')} mit ${formatCount(facilities, 'Einrichtung', 'Einrichtungen')} und ${formatCount(places, 'Platz', 'Plätzen')}${plan}.`,
      ...(shared ? { example: { ...shared, note: `alle ${formatCount(rows.length, 'Träger', 'Träger')}: ${shared.note ?? 'erfunden'}` } } : {}),
      rows: shared ? rows.map(({ example: _example, ...r }) => r) : rows,
    };
  });
}

export interface ProviderRoute {
  id: string;
}

export function providerRoutes(content: Content): ProviderRoute[] {
  return eligibleProviders(content).map((p) => ({ id: p.id }));
}

/**
 * Every provider page with its view and the key of everything it shows: Astro renders a page of
 * an incremental build again only when its key (or its code) changed since the last build.
 */
export function providerPages(
  content: Content,
  downloadsOf: (providerId: string) => readonly PdfManifestEntry[],
  buildAsOf?: string,
  workingCopies: readonly WorkingCopyEntry[] = [],
): { id: string; view: ProviderPageView; cacheKey: string }[] {
  return providerRoutes(content).map(({ id }) => {
    const view = buildProviderPageView(content, id, downloadsOf(id), buildAsOf, workingCopies);
    return { id, view, cacheKey: pageCacheKey(content, view.page, view) };
  });
}

export function buildProviderPageView(
  content: Content,
  providerId: string,
  downloads: readonly PdfManifestEntry[],
  buildAsOf?: string,
  workingCopies: readonly WorkingCopyEntry[] = [],
): ProviderPageView {
  const byId = memo(content, 'providers-by-id', () => new Map(content.providers.map((p) => [p.id, p])));
  const provider = byId.get(providerId);
  if (!provider) throw new Error(`Unbekannter Träger „${providerId}“.`);
  const agreement = planOf(content);
  const plan = agreement?.bedarfsplan;
  const inPlan = provider.facilities.filter((f) => f.bedarfsplan?.plan === plan);
  const places = agreement ? bedarfsplanPlaces(provider, agreement) : 0;
  let signing: ProviderPageView['signing'];
  let signingAsOfText: string | undefined;
  if (provider.publish_signing_status) {
    signing = [];
    for (const a of providerAgreements(content)) {
      if (!isEligible(provider, a)) continue;
      const asOf = statusDate(content, buildAsOf);
      if (!asOf) continue;
      signingAsOfText = formatDateShort(asOf);
      const standing = partyStanding(content, a, provider, asOf);
      const { statusLabel, date } = standingLabel(standing);
      const version = standing.binding?.version ?? standing.ended?.version ?? standing.latestOffer?.version;
      const detail = !date ? undefined : standing.state === 'keine-antwort' ? `(angeboten am ${formatDateShort(date)})` : `seit ${formatDateShort(date)}`;
      signing.push({ agreement: a.short_title, version: version ?? '–', statusLabel, detail });
    }
  }
  return {
    page: { path: urls.provider(provider.id), title: provider.name, description: `${provider.name}: Einrichtungen und persönliche Ausfertigungen der Vereinbarung` },
    id: provider.id,
    name: provider.name,
    legalForm: provider.legal_form,
    regimeLabel: REGIME_LABELS[provider.regime],
    address: address(provider.address),
    facilitiesSummary: `${formatCount(inPlan.length, 'Einrichtung', 'Einrichtungen')}${plan ? ` im Bedarfsplan ${plan}` : ''} mit ${formatCount(places, 'Platz', 'Plätzen')}.`,
    facilities: [...provider.facilities]
      .sort((a, b) => compareGerman(a.name, b.name))
      .map((f) => ({
        name: f.name,
        address: address(f.address),
        planEntry: f.bedarfsplan ? `${f.bedarfsplan.entry} (${f.bedarfsplan.plan})` : 'nicht im Bedarfsplan',
        places: formatNumber(f.places),
        inPlan: f.bedarfsplan?.plan === plan,
      })),
    downloads: buildDownloadViews(content, downloads, workingCopies),
    signing,
    signingAsOfText,
    // Contacts are natural persons: only those marked public appear.
    contacts: provider.contacts
      .filter((c) => c.oeffentlich)
      .map((c) => ({ name: c.name, function: c.function, email: c.email, phone: c.phone })),
    checkHref: urls.check(),
    directoryHref: urls.providers(),
    example: exampleMarkOf(provider.beispiel),
  };
}
