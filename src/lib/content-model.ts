import type { z } from 'zod';
import type { Agreement, AgreementVersion, SectionFrontMatter } from '../schemas/agreement.ts';
import type { Council } from '../schemas/council.ts';
import type { dpiaSectionSchema, DpiaMeta, Risk } from '../schemas/dpia.ts';
import type { LedgerEntry } from '../schemas/ledger.ts';
import type { Childminder, Provider } from '../schemas/party.ts';
import type { Organisation } from '../schemas/organisation.ts';
import type { SiteConfig } from '../schemas/site.ts';
import type { Tom } from '../schemas/tom.ts';
import type { PathSegment } from './diagnostics.ts';

/** Where a piece of content came from, so every rule can name file and line. */
export interface SourceRef {
  file: string;
  /** Path of the item inside its file (e.g. `['entries', 3]`). */
  path: PathSegment[];
}

export interface Located {
  source: SourceRef;
}

export interface Section extends SectionFrontMatter, Located {
  /** Markdown body. */
  body: string;
  /** Line where the body starts in the file. */
  bodyLine: number;
  /** The whole file as read (front matter and body): what the adopted version's checksum covers. */
  fileText: string;
}

export interface Version extends AgreementVersion, Located {
  agreementId: string;
  /** Folder name; the validator checks it equals `version`. */
  folder: string;
  /** Sorted by number, then by file name (regime variants share a number). */
  sections: Section[];
}

export interface AgreementEntry extends Agreement, Located {
  folder: string;
  /** Sorted oldest first. */
  versions: Version[];
}

/** A measure; `beispiel` may come from its own entry or from its file (`toms/<ziel>.yaml`). */
export type TomEntry = Tom & Located;
export type RiskEntry = Risk & Located;

export interface DpiaSection extends z.infer<typeof dpiaSectionSchema>, Located {
  body: string;
  bodyLine: number;
}

/** One version of the DPIA: `content/dpia/<folder>/` (dpia.yaml, risks.yaml, sections/). Located at its dpia.yaml. */
export interface DpiaVersion extends Located {
  /** Folder name; the validator checks it equals `meta.version`. */
  folder: string;
  meta: DpiaMeta & Located;
  /** Sorted by `order`. */
  sections: DpiaSection[];
  risks: RiskEntry[];
}

export interface Dpia {
  /** Sorted oldest first. */
  versions: DpiaVersion[];
}

export type ProviderEntry = Provider & Located & { kind: 'traeger' };
export type ChildminderEntry = Childminder & Located & { kind: 'kindertagespflege' };
export type PartyEntry = ProviderEntry | ChildminderEntry;

export type LedgerEntryLocated = LedgerEntry & Located;

export interface Ledger extends Located {
  agreement: string;
  /** The file's `beispiel` mark: its entries (and the figures from them) are example data. */
  beispiel?: true | string;
  entries: LedgerEntryLocated[];
}

/**
 * The parts of a content folder, one per top-level folder (and site.yaml). A rule that counts or
 * compares across a whole area names it in `needsComplete` (src/validate/rule.ts).
 */
export type ContentArea = 'site' | 'agreements' | 'toms' | 'dpia' | 'parties' | 'ledger' | 'council';

/** Where a text template comes from: the content folder, or the neutral default Vertragswerk bundles. */
export type TextOrigin = 'content' | 'bundled';

/**
 * A file of named texts (`templates/letters/angebot.yaml`, `templates/report/…`): the bundled
 * defaults and the content's own file, if any, both kept – a content file may change single texts.
 */
export interface PhraseFile extends Located {
  /** Name below templates/: `letters/angebot.yaml`. */
  name: string;
  origin: TextOrigin;
  phrases: Record<string, string>;
  /** Line of the file where each text starts (below its name for a block „>-“ or „|“). */
  lines: Record<string, number>;
}

/** A page such as the Impressum: the content's own `pages/<slug>.md`, else the bundled default. */
export interface PageEntry extends Located {
  slug: string;
  origin: TextOrigin;
  title: string;
  description?: string;
  /** Markdown with placeholders. */
  body: string;
  bodyLine: number;
}

export interface Content {
  site: (SiteConfig & Located) | undefined;
  /** `organisation.yaml`: the body that makes the agreements (read it through organisationOf). */
  organisation: (Organisation & Located) | undefined;
  agreements: AgreementEntry[];
  toms: TomEntry[];
  dpia: Dpia;
  providers: ProviderEntry[];
  childminders: ChildminderEntry[];
  ledgers: Ledger[];
  council: (Council & Located) | undefined;
  /** Named texts of letters and report: bundled defaults and the content's own files (templates/…). */
  phrases: PhraseFile[];
  /** Pages (Impressum, Datenschutz …), one per slug, the content's own before the bundled one; sorted by slug. */
  pages: PageEntry[];
  /** Line lookup for any field of any parsed file. */
  lineOf(source: SourceRef, ...field: PathSegment[]): { line: number; column: number } | undefined;
  /** Every file that was read, relative paths, sorted. */
  files: string[];
}
