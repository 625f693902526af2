import { createHash } from 'node:crypto';
import { REGIME_LABELS, type Regime } from '../../schemas/common.ts';
import {
  buildAgreementView,
  findAgreement,
  findVersion,
  type AgreementView,
} from '../agreement-view.ts';
import type { AgreementEntry, Content, PartyEntry } from '../content-model.ts';
import { formatDateDe } from '../dates.ts';
import { exampleMarkText, instanceExampleMark } from '../example-data.ts';
import { compareVersions } from '../parse-content.ts';
import { isEligible, partiesFor } from '../parties/eligibility.ts';
import type { RiskLevel } from '../dpia/risk.ts';
import { dpiaForAgreementVersion, riskLevelsOf } from '../dpia/versions.ts';
import { urls } from '../site/urls.ts';
import { adoptedVersions, currentVersion } from '../agreement/versions.ts';
import { tomCatalogue } from '../toms/catalogue.ts';
import { dpiaSummary } from '../dpia/summary.ts';
import { ledgerByParty } from '../signing/figures.ts';
import { recordedVersionChecksum } from '../version-text.ts';
import { printedPublisher, printedUrl } from './publisher.ts';
import { byCommittee, organisationOf, type OrganisationView } from '../organisation/profile.ts';

/** Bump when the PDF pipeline changes in a way the inputs do not show: every cached PDF is rebuilt. */
export const PDF_PIPELINE_VERSION = 'pdf-8';

export interface PdfJob {
  agreementId: string;
  version: string;
  partyId: string;
  partyKind: 'traeger' | 'kindertagespflege';
  regime: Regime;
  /** Childminders' copies hold personal data: they go to the private output only. */
  isPrivate: boolean;
  /** Relative to the output root: `pdf/<agreement>/<version>/<party>.pdf`. */
  path: string;
}

export interface FacilityRow {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  entry: string;
  places: number;
}

export interface TomRow {
  id: string;
  title: string;
  description: string;
  responsible: string;
  status: string;
  art32: string;
  /** The §§ of this agreement version the measure belongs to, „§ 5 der …; § 9 Abs. 3 der …“; empty when none. */
  references: string;
}

export interface TomGroup {
  goal: string;
  label: string;
  measures: TomRow[];
}

export interface RiskCountRow {
  level: RiskLevel;
  label: string;
  before: number;
  after: number;
}

export interface SignatureBlock {
  /** „Für den Träger“ etc. */
  role: string;
  /** Organisation or person that signs. */
  party: string;
  /**
   * Function of the signing person: for a childminder „Kindertagespflegeperson“; for a provider
   * none – whoever signs writes name and function by hand (the ledger records them afterwards).
   */
  function: string | null;
  /** Name: only the childminder herself, in her private copy. */
  name: string | null;
}

/**
 * Everything one personal PDF shows: agreement `version` for party `partyId`. A copy is a record
 * from the day it is sent, so it is made of the version's frozen text, the party's own data, the
 * templates and the browser only – never of the ledger (offers, reminders, signatures,
 * withdrawals) nor of what happened to the version since (a newer version, its status): letters,
 * the site and „PDF prüfen“ say that. Recording an offer or a signature leaves the bytes as they are.
 */
export interface PartyDocument {
  job: PdfJob;
  /** Short, stable id printed on the cover: agreement, version, party and a digest of all inputs. */
  documentId: string;
  /** SHA-256 of everything this document shows (the PDF cache key is built from it). */
  digest: string;
  /**
   * The checksum the version's text was frozen with (`text_sha256`, or the last erratum's): the one
   * the version's reader page shows, so a copy can be traced to the published record. Absent for a draft.
   */
  textSha256?: string;
  agreement: AgreementView;
  /**
   * The body as organisation.yaml describes it, with its article forms (`org.*` in the templates).
   * Like the templates' own words it changes the print (the PDF cache key has it), not the document id.
   */
  org: OrganisationView;
  publisher: {
    name: string;
    department: string;
    address: string;
    baseUrl: string;
    dpiaUrl: string;
    checkUrl: string;
  };
  cover: {
    title: string;
    shortTitle: string;
    version: string;
    adoptedBy: string | null;
    /** „vom Hauptausschuss“: the committee with its article. */
    adoptedByPhrase: string | null;
    adoptedText: string | null;
    paper: string | null;
    session: string | null;
    effectiveText: string | null;
    /** A draft: every page says „Entwurf – nicht zur Unterzeichnung“. */
    isDraft: boolean;
  };
  party: {
    id: string;
    kind: 'traeger' | 'kindertagespflege';
    kindLabel: string;
    name: string;
    legalForm: string | null;
    street: string;
    postalCode: string;
    city: string;
    regime: Regime;
    regimeLabel: string;
  };
  bedarfsplan: string;
  facilities: FacilityRow[];
  placesTotal: number;
  toms: TomGroup[];
  tomCount: number;
  /** The DPIA tied to this agreement version (Anlage 3). */
  dpia: {
    available: boolean;
    title: string;
    version: string;
    /** „Entwurf“ when the tied DPIA is still a draft. */
    statusLabel: string;
    isDraft: boolean;
    /** Where the matrix that gives the levels comes from. */
    matrixSource: string;
    dateText: string;
    result: string;
    nextReviewText: string | null;
    risks: RiskCountRow[];
    riskTotal: number;
    /** `example`: what about the review is example data („Beispieldaten: …“), null for a recorded one. */
    reviews: { role: string; dateText: string; result: string; example: string | null }[];
  };
  /** The party's signature block; the city's block is text in the signature template. */
  partySignature: SignatureBlock;
  /** In an example instance the mark on the cover and in every page's footer (instanceExampleMark); null for a real one. */
  exampleMark: string | null;
  metadata: PdfMetadata;
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  /** ISO dates from the content, never the clock. */
  creationDate: string;
  modDate: string;
  language: 'de';
}

/** „1.10“ after „1.9“. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Which PDFs a build writes: for every agreement, every eligible party gets each non-draft version
 * it was offered (ledger) and the version in force. Sorted by path.
 */
export function planPdfJobs(content: Content): PdfJob[] {
  const jobs: PdfJob[] = [];
  for (const agreement of content.agreements) {
    const current = currentVersion(agreement);
    const adopted = new Set(adoptedVersions(agreement).map((v) => v.version));
    const byParty = ledgerByParty(content, agreement.id);
    for (const party of partiesFor(content, agreement)) {
      if (!isEligible(party, agreement)) continue;
      const versions = new Set((byParty.get(party.id) ?? []).map((e) => e.version).filter((v) => adopted.has(v)));
      if (adopted.has(current.version)) versions.add(current.version);
      for (const version of [...versions].sort(compareVersions)) jobs.push(jobFor(agreement, version, party));
    }
  }
  return jobs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function jobFor(agreement: AgreementEntry, version: string, party: PartyEntry): PdfJob {
  return {
    agreementId: agreement.id,
    version,
    partyId: party.id,
    partyKind: party.kind,
    regime: party.regime,
    isPrivate: party.kind === 'kindertagespflege',
    path: `pdf/${agreement.id}/${version}/${party.id}.pdf`,
  };
}

/** Agreement views per (agreement, version, regime), shared by all parties' documents of a build. */
export type AgreementViewCache = Map<string, AgreementView>;

function cachedView(content: Content, cache: AgreementViewCache | undefined, agreementId: string, version: string, regime: Regime): AgreementView {
  const key = `${agreementId}\u0000${version}\u0000${regime}`;
  const hit = cache?.get(key);
  if (hit) return hit;
  const view = buildAgreementView(content, agreementId, version, regime);
  cache?.set(key, view);
  return view;
}

/**
 * What a copy prints of the agreement view: the text and the version's own record, without what
 * changes after adoption (its status, the newest version, the list of all versions). Only this
 * goes into the digest, so a new version or a status change does not alter earlier copies.
 */
function printedView(view: AgreementView) {
  const { version: v } = view;
  return {
    agreementId: view.agreementId,
    title: view.title,
    shortTitle: view.shortTitle,
    summary: view.summary,
    regime: view.regime,
    regimeLabel: view.regimeLabel,
    version: { version: v.version, adopted: v.adopted, adoptedBy: v.adoptedBy, paper: v.paper, session: v.session, effective: v.effective },
    parts: view.parts,
  };
}

const RISK_LEVELS: { level: RiskLevel; label: string }[] = [
  { level: 'hoch', label: 'hohes Risiko' },
  { level: 'normal', label: 'normales Risiko' },
  { level: 'gering', label: 'geringes Risiko' },
];

export function buildPartyDocument(
  content: Content,
  agreementId: string,
  version: string,
  partyId: string,
  options: { views?: AgreementViewCache; viewDigests?: WeakMap<AgreementView, string> } = {},
): PartyDocument {
  const agreement = findAgreement(content, agreementId);
  const v = findVersion(agreement, version);
  const party = partiesFor(content, agreement).find((p) => p.id === partyId);
  if (!party) {
    throw new Error(`Den Vertragspartner „${partyId}“ gibt es für die Vereinbarung „${agreementId}“ nicht.`);
  }
  const job = jobFor(agreement, version, party);
  const view = cachedView(content, options.views, agreementId, version, party.regime);
  const textSha256 = v.status === 'entwurf' ? undefined : recordedVersionChecksum(v);
  const baseUrl = printedUrl(content, '/').replace(/\/$/, '');

  const facilities: FacilityRow[] =
    party.kind === 'traeger'
      ? party.facilities
          .filter((f) => f.bedarfsplan?.plan === agreement.bedarfsplan)
          .map((f) => ({
            name: f.name,
            street: f.address.street,
            postalCode: f.address.postal_code,
            city: f.address.city,
            entry: f.bedarfsplan!.entry,
            places: f.places,
          }))
      : party.bedarfsplan?.plan === agreement.bedarfsplan
        ? [
            {
              name: 'Kindertagespflegestelle',
              street: party.address.street,
              postalCode: party.address.postal_code,
              city: party.address.city,
              entry: party.bedarfsplan.entry,
              places: party.places,
            },
          ]
        : [];

  const catalogue = tomCatalogue(content, { agreement: agreementId, version });
  const applicable = catalogue.flatMap((g) => g.measures);
  const toms: TomGroup[] = catalogue.map((g) => ({
    goal: g.goal,
    label: g.label,
    measures: g.measures.map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      responsible: t.responsible,
      status: t.statusLabel,
      // In print a reference never breaks across lines.
      art32: `${t.art32.map((ref) => ref.replaceAll(' ', '\u00a0')).join(', ')} DSGVO`,
      references: t.annexes.flatMap((a) => a.references).join('; '),
    })),
  }));

  const tied = dpiaForAgreementVersion(content, agreementId, version);
  const summary = dpiaSummary(content, tied);
  const levels = (tied?.risks ?? []).map((r) => riskLevelsOf(tied!, r));
  const dpia: PartyDocument['dpia'] = {
    available: summary.available,
    title: summary.title,
    version: summary.version,
    statusLabel: summary.statusLabel,
    isDraft: summary.isDraft,
    matrixSource: summary.matrixSource,
    dateText: summary.dateText,
    result: summary.result,
    nextReviewText: summary.nextReviewText ?? null,
    risks: RISK_LEVELS.map(({ level, label }) => ({
      level,
      label,
      before: levels.filter((l) => l.before === level).length,
      after: levels.filter((l) => l.after === level).length,
    })),
    riskTotal: levels.length,
    reviews: summary.reviews.map((r) => ({ role: r.role, dateText: r.dateText, result: r.result, example: r.example ? exampleMarkText(r.example) : null })),
  };

  const isProvider = party.kind === 'traeger';
  const partySignature: SignatureBlock = {
    role: isProvider ? 'Für den Träger' : 'Die Kindertagespflegeperson',
    party: party.name,
    // A childminder signs herself and her copy is private. A provider's signatory is known only
    // once the ledger records the signature, and the copy must not change then: blank lines.
    function: isProvider ? null : 'Kindertagespflegeperson',
    name: isProvider ? null : party.name,
  };

  const regimeLabel = REGIME_LABELS[party.regime];
  const publisher = printedPublisher(content).name;
  const partyLabel = isProvider ? party.name : `Kindertagespflegeperson ${party.id}`;
  const metadata: PdfMetadata = {
    title: `${agreement.short_title} – Version ${version} – ${partyLabel}`,
    author: publisher,
    subject: `${agreement.title}. Ausfertigung für ${party.id} (${regimeLabel}).`,
    keywords: [agreement.short_title, `Version ${version}`, regimeLabel, party.id, 'Auftragsverarbeitung', 'Art. 28 DSGVO'],
    creator: 'Vertragswerk',
    producer: 'Vertragswerk (Chromium, pdf-lib)',
    creationDate: v.adopted ?? v.effective ?? '2000-01-01',
    modDate: [v.adopted, v.effective].filter((d): d is string => Boolean(d)).sort().at(-1) ?? '2000-01-01',
    language: 'de',
  };

  const doc: Omit<PartyDocument, 'documentId' | 'digest'> = {
    job,
    textSha256,
    agreement: view,
    org: organisationOf(content),
    publisher: {
      ...printedPublisher(content),
      baseUrl,
      dpiaUrl: printedUrl(content, tied ? urls.dpiaVersion(tied.meta.version) : urls.dpia()),
      checkUrl: printedUrl(content, urls.check()),
    },
    cover: {
      title: agreement.title,
      shortTitle: agreement.short_title,
      version,
      adoptedBy: v.adopted_by ?? null,
      adoptedByPhrase: v.adopted_by ? byCommittee(content, v.adopted_by) : null,
      adoptedText: v.adopted ? formatDateDe(v.adopted) : null,
      paper: v.paper ?? null,
      session: v.session ?? null,
      effectiveText: v.effective ? formatDateDe(v.effective) : null,
      isDraft: v.status === 'entwurf',
    },
    party: {
      id: party.id,
      kind: party.kind,
      kindLabel: isProvider ? 'Träger' : 'Kindertagespflegeperson',
      name: party.name,
      legalForm: isProvider ? party.legal_form : null,
      street: party.address.street,
      postalCode: party.address.postal_code,
      city: party.address.city,
      regime: party.regime,
      regimeLabel,
    },
    bedarfsplan: agreement.bedarfsplan,
    facilities,
    placesTotal: facilities.reduce((sum, f) => sum + f.places, 0),
    toms,
    tomCount: applicable.length,
    dpia,
    partySignature,
    exampleMark: instanceExampleMark(content) ?? null,
    metadata,
  };
  // The agreement view (the whole text) is shared by many documents: digest it once.
  let viewDigest = options.viewDigests?.get(view);
  if (!viewDigest) {
    viewDigest = sha256Hex(JSON.stringify(printedView(view)));
    options.viewDigests?.set(view, viewDigest);
  }
  // The document id stays what it was before the body's words became content: they are left out here.
  const digest = sha256Hex(JSON.stringify({ ...doc, agreement: viewDigest, org: undefined, cover: { ...doc.cover, adoptedByPhrase: undefined } }));
  return { ...doc, documentId: `${agreementId}-${version}-${party.id}-${digest.slice(0, 8)}`, digest };
}
