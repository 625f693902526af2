import type { Regime } from '../../schemas/common.ts';
import { regimeOf } from '../vocabulary.ts';
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
import { isEligible, resolveRule, unitsUnderRule } from '../parties/eligibility.ts';
import { inRegister, isNaturalPerson, kindOf, kindWords, partiesFor, the, unitWordsOf, weightWordsOf } from '../parties/kinds.ts';
import { adjective, capitalize, negativeArticle, personalPronoun, possessive } from '../german/grammar.ts';
import { vonDative } from '../german/articles.ts';
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
import { identityDigest, identityOfView, sha256Hex } from './document-id.ts';

/** The two digests of an agreement view, computed once for all its copies. */
export interface ViewDigests {
  identity: string;
  print: string;
}

/** Bump when the PDF pipeline changes in a way the inputs do not show: every cached PDF is rebuilt. */
export const PDF_PIPELINE_VERSION = 'pdf-8';

export interface PdfJob {
  agreementId: string;
  version: string;
  partyId: string;
  /** The party's kind (`parties/<kind>.yaml`). */
  partyKind: string;
  regime: Regime;
  /** Copies of natural persons hold personal data: they go to the private output only. */
  isPrivate: boolean;
  /** Relative to the output root: `pdf/<agreement>/<version>/<party>.pdf`. */
  path: string;
}

/** A unit in the register's plan, as Anlage 2 lists it. */
export interface UnitRow {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  entry: string;
  /** Its weight (places, pupils …); null for a kind without weight. */
  weight: number | null;
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
  /** „Für den Träger“, or for a natural person „Die Kindertagespflegeperson“. */
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
  /** Short, stable id printed on the cover: agreement, version, party and a digest of what the copy is about (document-id.ts). */
  documentId: string;
  /** SHA-256 of everything this document shows, the body's and the kinds' words included (the PDF and Word cache keys are built from it). */
  digest: string;
  /**
   * The checksum the version's text was frozen with (`text_sha256`, or the last erratum's): the one
   * the version's reader page shows, so a copy can be traced to the published record. Absent for a draft.
   */
  textSha256?: string;
  agreement: AgreementView;
  /**
   * The body as organisation.yaml describes it, with its article forms (`org.*` in the templates).
   * Like the templates' own words it changes the print (`digest`, the cache key, has it), not the document id.
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
    kind: string;
    /** „Träger“ */
    kindLabel: string;
    name: string;
    legalForm: string | null;
    street: string;
    postalCode: string;
    city: string;
    regime: Regime;
    regimeLabel: string;
    /** Row heading in Anlage 2 for the party's data protection officer (from the regime's vocabulary). */
    dpoLabel: string;
    /** A natural person signs herself; no contact points or instructions to fill in. */
    naturalPerson: boolean;
  };
  /** The party's kind declined for the templates' sentences. */
  words: {
    /** „Der Träger“ */
    theNominative: string;
    /** „den Träger“ */
    theAccusative: string;
    /** „dem Träger“ */
    theDative: string;
    /** „des Trägers“ */
    theGenitive: string;
    /** „vom Träger“ */
    fromThe: string;
    /** „(ist) Verantwortlicher“ / „Verantwortliche“ */
    controller: string;
    /** „er“ / „sie“ */
    pronoun: string;
    /** „(in) seinem (Auftrag)“ */
    possessiveDative: string;
    /** „seine (Ansprechstellen)“ */
    possessivePlural: string;
  };
  /** The register and plan that decide eligibility for this version. */
  register: {
    /** „Bedarfsplan 2021/2022“ */
    label: string;
    /** „im Bedarfsplan 2021/2022“, „Im Bedarfsplan 2021/2022“ */
    inLabel: string;
    inLabelCapital: string;
    /** „Nr. im Bedarfsplan“ */
    entryLabel: string;
  };
  /** The party's units in that plan (the party itself for a kind without listed units). */
  units: {
    /** „Einrichtung“ / „Einrichtungen“ */
    one: string;
    many: string;
    /** „keine Einrichtung“ */
    none: string;
    /** The kind lists units: contact points per unit are filled in. */
    listed: boolean;
    rows: UnitRow[];
  };
  /** What the figures add up, with the party's total; null for a kind without weight. */
  weight: { many: string; total: number } | null;
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

/** SHA-256 as hex, for the PDF stage's cache keys. */
export { sha256Hex };

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
      if (!isEligible(content, party, agreement)) continue;
      const versions = new Set((byParty.get(party.id) ?? []).map((e) => e.version).filter((v) => adopted.has(v)));
      if (adopted.has(current.version)) versions.add(current.version);
      for (const version of [...versions].sort(compareVersions)) jobs.push(jobFor(content, agreement, version, party));
    }
  }
  return jobs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function jobFor(content: Content, agreement: AgreementEntry, version: string, party: PartyEntry): PdfJob {
  return {
    agreementId: agreement.id,
    version,
    partyId: party.id,
    partyKind: party.kind,
    regime: party.regime,
    isPrivate: isNaturalPerson(content, party),
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
 * goes into the digests, so a new version or a status change does not alter earlier copies.
 */
function printedView(view: AgreementView) {
  return { ...identityOfView(view), variantNote: view.variantNote };
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
  options: { views?: AgreementViewCache; viewDigests?: WeakMap<AgreementView, ViewDigests> } = {},
): PartyDocument {
  const agreement = findAgreement(content, agreementId);
  const v = findVersion(agreement, version);
  const party = partiesFor(content, agreement).find((p) => p.id === partyId);
  if (!party) {
    throw new Error(`Den Vertragspartner „${partyId}“ gibt es für die Vereinbarung „${agreementId}“ nicht.`);
  }
  const job = jobFor(content, agreement, version, party);
  const view = cachedView(content, options.views, agreementId, version, party.regime);
  const textSha256 = v.status === 'entwurf' ? undefined : recordedVersionChecksum(v);
  const baseUrl = printedUrl(content, '/').replace(/\/$/, '');

  // The register and plan of the rule that applies while this version is in force (undated: the
  // version's own rule, else the agreement's); the units in that plan regardless of since/until.
  const kind = kindOf(content, party.kind);
  const words = kindWords(content, party.kind);
  const unitWords = kind ? unitWordsOf(kind) : undefined;
  const weightWords = kind ? weightWordsOf(kind) : undefined;
  const register = resolveRule(content, v.eligibility ?? agreement.eligibility);
  const rows: UnitRow[] = unitsUnderRule(content, party, register).map(({ unit, ref }) => ({
    name: unit.name,
    street: unit.address.street,
    postalCode: unit.address.postal_code,
    city: unit.address.city,
    entry: ref.entry,
    weight: weightWords ? unit.weight : null,
  }));
  const unitOne = unitWords?.one ?? words.one;
  const unitGender = unitWords?.gender ?? words.gender;

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

  const natural = isNaturalPerson(content, party);
  const partySignature: SignatureBlock = natural
    ? // A natural person signs herself, and her copy is private.
      { role: the(words, 'nom', 'one', true), party: party.name, function: words.one, name: party.name }
    : // An organisation's signatory is known only once the ledger records the signature, and the
      // copy must not change then: blank lines.
      { role: `Für ${the(words, 'akk')}`, party: party.name, function: null, name: null };

  const regime = regimeOf(content, party.regime);
  const regimeLabel = regime.label;
  const publisher = printedPublisher(content).name;
  const partyLabel = natural ? `${words.one} ${party.id}` : party.name;
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
      kindLabel: words.one,
      name: party.name,
      legalForm: natural ? null : (party.legal_form ?? null),
      street: party.address.street,
      postalCode: party.address.postal_code,
      city: party.address.city,
      regime: party.regime,
      regimeLabel,
      dpoLabel: regime.dpo_label,
      naturalPerson: natural,
    },
    words: {
      theNominative: the(words, 'nom', 'one', true),
      theAccusative: the(words, 'akk'),
      theDative: the(words, 'dat'),
      theGenitive: the(words, 'gen'),
      fromThe: `${vonDative(words.gender)} ${words.dativeOne}`,
      controller: capitalize(adjective('verantwortlich', words.gender, 'nom', 'one', 'strong')),
      pronoun: personalPronoun(words.gender, 'nom'),
      possessiveDative: possessive(words.gender, 'one', 'm', 'dat'),
      possessivePlural: possessive(words.gender, 'one', 'f', 'akk', 'many'),
    },
    register: {
      label: register.label,
      inLabel: inRegister(register),
      inLabelCapital: capitalize(inRegister(register)),
      entryLabel: register.register?.entry_label ?? `Nr. ${inRegister(register, false)}`,
    },
    units: {
      one: unitOne,
      many: unitWords?.many ?? words.many,
      none: `${negativeArticle(unitGender, 'nom')} ${unitOne}`,
      listed: unitWords?.listed ?? false,
      rows,
    },
    weight: weightWords ? { many: weightWords.many, total: rows.reduce((sum, u) => sum + (u.weight ?? 0), 0) } : null,
    toms,
    tomCount: applicable.length,
    dpia,
    partySignature,
    exampleMark: instanceExampleMark(content) ?? null,
    metadata,
  };
  // The agreement view (the whole text) is shared by many documents: digest it once.
  let viewDigests = options.viewDigests?.get(view);
  if (!viewDigests) {
    viewDigests = { identity: sha256Hex(JSON.stringify(identityOfView(view))), print: sha256Hex(JSON.stringify(printedView(view))) };
    options.viewDigests?.set(view, viewDigests);
  }
  // The id: what the copy is about, in the frozen shape (document-id.ts). The digest keys the PDF
  // cache: everything the copy shows, the body's and the kinds' words included.
  const identity = identityDigest(doc, viewDigests.identity, register.plan ?? '');
  const digest = sha256Hex(JSON.stringify({ ...doc, agreement: viewDigests.print }));
  return { ...doc, documentId: `${agreementId}-${version}-${party.id}-${identity.slice(0, 8)}`, digest };
}
