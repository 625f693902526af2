import type { z } from 'zod';
import { agreementSchema, sectionSchema, versionSchema } from '../schemas/agreement.ts';
import { councilSchema } from '../schemas/council.ts';
import { dpiaMetaSchema, dpiaSectionSchema, riskRegisterSchema, riskSchema } from '../schemas/dpia.ts';
import { ledgerEntrySchema, ledgerFileSchema } from '../schemas/ledger.ts';
import { partySchema } from '../schemas/party.ts';
import { partyKindSchema } from '../schemas/party-kind.ts';
import { registerSchema } from '../schemas/register.ts';
import { vocabulariesSchema, type VocabulariesInput } from '../schemas/vocabularies.ts';
import { organisationSchema } from '../schemas/organisation.ts';
import { siteSchema } from '../schemas/site.ts';
import { pageFrontMatterSchema, phrasesSchema } from '../schemas/texts.ts';
import { tomFileSchema, tomSchema } from '../schemas/tom.ts';
import { exampleMark, slugId, toSlug } from '../schemas/common.ts';
import type {
  AgreementEntry,
  Content,
  ContentArea,
  DpiaSection,
  DpiaVersion,
  RiskEntry,
  Ledger,
  Section,
  SourceRef,
  Version,
  Vocabularies,
} from './content-model.ts';
import { compareDiagnostics, type Diagnostic, type PathSegment } from './diagnostics.ts';
import { parseMarkdownSource, parseMdxSource, type MdxParseResult } from './mdx-source.ts';
import { didYouMean } from './suggest.ts';
import { decodeContentFile } from './source-text.ts';
import { checkSchema } from './zod-diagnostics.ts';
import { parseYamlSource, type YamlParseResult, type YamlSource } from './yaml-source.ts';

export interface ContentFile {
  /** Path relative to the content root, with forward slashes, e.g. `toms/vertraulichkeit.yaml`. */
  path: string;
  bytes: Uint8Array;
}

/**
 * A neutral default Vertragswerk bundles for a content file (a page `pages/impressum.md`, the texts
 * `templates/letters/angebot.yaml`, `vocabularies.yaml` from templates/defaults/), read by the io
 * layer from templates/. `shown` is the path messages name.
 */
export interface DefaultFile extends ContentFile {
  shown: string;
}

export interface ParseOptions {
  /** Bundled defaults: a page where the content has none of that name; texts beneath the content's own; vocabularies list by list. */
  defaults?: readonly DefaultFile[];
  /** Names of the bundled templates a content folder may override in `templates/`; absent: any name. */
  templateNames?: ReadonlySet<string>;
  /** How texts are parsed (default: the parsers themselves; `src/io/source-cache.ts` remembers their results). */
  parsers?: SourceParsers;
}

/** Kinds of things other content refers to by id. */
export type GapKind = 'agreement' | 'version' | 'sections' | 'tom' | 'party' | 'paper' | 'dpia' | 'kind' | 'register' | 'vocabulary';

/**
 * What exists in the files but could not be read (its error is already reported), so
 * cross-checks do not report the same mistake again as a dangling reference.
 */
export interface ContentGaps {
  /** `kind:id` of things that failed to load: `party:traeger-001`, `version:muster/1.1`, `sections:muster/1.1`. */
  ids: Set<string>;
  /** Kinds of which a file could not be read at all, so any id of that kind may be missing. */
  kinds: Set<GapKind>;
}

export interface ParsedContent extends Content {
  gaps: ContentGaps;
  /** The area of every file as shown in messages (with the display prefix), so an error in it can be traced to what it leaves incomplete. */
  areas: Map<string, ContentArea>;
  /**
   * Every field named `beispiel` in any YAML file or front matter (a per-fact example mark, or in
   * site.yaml the instance's own), so the rule `beispiel-instanz` can name file and line of each.
   */
  exampleMarks: SourceRef[];
}

export interface ParseContentResult {
  content: ParsedContent;
  diagnostics: Diagnostic[];
}

/**
 * How a file's text becomes a parsed source: the parsers themselves, or (`src/io/source-cache.ts`)
 * their remembered results for texts parsed in an earlier build – the same results either way.
 */
export interface SourceParsers {
  yaml(file: string, text: string): YamlParseResult;
  mdx(file: string, text: string): MdxParseResult;
}

export const DIRECT_PARSERS: SourceParsers = { yaml: (file, text) => parseYamlSource(file, text), mdx: parseMdxSource };

/**
 * Turns the files of a content folder into the content model. Pure: it takes bytes and
 * returns data plus every problem found (all of them, not only the first). What can be
 * read is kept even when a neighbour in the same file is broken, so later checks still run.
 * `displayPrefix` is put before each path in messages (e.g. `content/`).
 */
export function parseContent(files: readonly ContentFile[], displayPrefix = '', options: ParseOptions = {}): ParseContentResult {
  const parsers = options.parsers ?? DIRECT_PARSERS;
  const diagnostics: Diagnostic[] = [];
  const yamlSources = new Map<string, YamlSource>();
  const display = (path: string) => displayPrefix + path;
  const gaps: ContentGaps = { ids: new Set(), kinds: new Set() };
  const gap = (kind: GapKind, id?: unknown) => {
    if (typeof id === 'string' && id !== '') gaps.ids.add(`${kind}:${id}`);
    else gaps.kinds.add(kind);
  };

  const content: ParsedContent = {
    site: undefined,
    organisation: undefined,
    agreements: [],
    toms: [],
    dpia: { versions: [] },
    kinds: [],
    registers: [],
    parties: [],
    vocabularies: { regimes: [], affectedGroups: [], controllerGroups: [], source: undefined },
    ledgers: [],
    council: undefined,
    phrases: [],
    pages: [],
    files: files.map((f) => display(f.path)).sort(),
    lineOf(source: SourceRef, ...field: PathSegment[]) {
      const yaml = yamlSources.get(source.file);
      return yaml?.lineOf([...source.path, ...field]);
    },
    hasField(source: SourceRef, ...field: PathSegment[]) {
      return yamlSources.get(source.file)?.has([...source.path, ...field]) ?? false;
    },
    gaps,
    areas: new Map(files.flatMap((f) => {
      const area = areaOf(f.path);
      return area ? [[display(f.path), area] as const] : [];
    })),
    exampleMarks: [],
  };
  const collectExampleMarks = (file: string, data: unknown) => {
    for (const path of fieldPaths(data, 'beispiel')) content.exampleMarks.push({ file, path });
  };

  const versionsByFolder = new Map<string, Version>();
  const agreementsByFolder = new Map<string, AgreementEntry>();
  const sectionsByVersionFolder = new Map<string, Section[]>();
  const present = new Set(files.map((f) => f.path));
  /** DPIA parts per version folder, assembled after the loop. */
  const dpiaParts = new Map<string, { meta?: DpiaVersion['meta']; sections: DpiaSection[]; risks: RiskEntry[] }>();
  const dpiaPart = (folder: string) => {
    let part = dpiaParts.get(folder);
    if (!part) dpiaParts.set(folder, (part = { sections: [], risks: [] }));
    return part;
  };

  /** The vocabularies as read: the content's file and the bundled defaults. */
  const vocabularyInputs: { content?: { data: VocabulariesInput; source: SourceRef }; defaults?: { data: VocabulariesInput; source: SourceRef } } = {};
  // Bundled pages stand in for the ones the content lacks; bundled texts lie beneath the content's own.
  const defaults = (options.defaults ?? []).filter((d) => !d.path.startsWith('pages/') || !present.has(d.path));
  const sorted: (ContentFile & { shown?: string })[] = [...[...files].sort((a, b) => a.path.localeCompare(b.path, 'en')), ...defaults];
  for (const file of sorted) {
    const shown = file.shown ?? display(file.path);
    const origin = file.shown === undefined ? 'content' : 'bundled';
    const kind = classify(file.path, options.templateNames);
    if (kind.type === 'ignored') continue;
    if (kind.type === 'unknown') {
      diagnostics.push({ file: shown, message: kind.reason, hint: kind.hint, rule: 'datei', severity: 'error' });
      continue;
    }
    const stem = (file.path.split('/').pop() ?? '').replace(/\.(ya?ml|mdx)$/, '');
    /** Records that this file's contents are missing from the model. */
    const unreadable = (raw?: unknown) => {
      const id = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>).id : undefined;
      switch (kind.type) {
        case 'agreement':
          return gap('agreement', kind.agreement);
        case 'version':
          return gap('version', `${kind.agreement}/${kind.version}`);
        case 'section':
          return gap('sections', `${kind.agreement}/${kind.version}`);
        case 'toms':
          return gap('tom');
        case 'party-kind':
          gap('kind', stem);
          return;
        case 'register':
          return gap('register', stem);
        case 'vocabularies':
          return gap('vocabulary');
        case 'party':
          gap('party', stem);
          if (typeof id === 'string') gap('party', id);
          return;
        case 'council':
          return gap('paper');
        case 'dpia-meta':
          return gap('dpia', kind.version);
        default:
          return;
      }
    };
    // A print template (cover.html …) is read by the PDF stage and the letters, not here.
    if (kind.type === 'template') continue;
    const decoded = decodeContentFile(shown, file.bytes);
    if (!decoded.ok) {
      diagnostics.push(decoded.diagnostic);
      unreadable();
      continue;
    }

    if (kind.type === 'page') {
      const md = parseMarkdownSource(shown, decoded.text);
      diagnostics.push(...md.diagnostics);
      if (!md.source) continue;
      yamlSources.set(shown, md.source.frontMatter);
      const data = check(pageFrontMatterSchema, md.source.frontMatter, diagnostics);
      if (!data) continue;
      content.pages.push({ slug: kind.slug, origin, ...data, body: md.source.body, bodyLine: md.source.bodyLine, source: { file: shown, path: [] } });
      continue;
    }

    if (kind.type === 'section' || kind.type === 'dpia-section') {
      const mdx = parsers.mdx(shown, decoded.text);
      diagnostics.push(...mdx.diagnostics);
      if (!mdx.source) {
        unreadable();
        continue;
      }
      yamlSources.set(shown, mdx.source.frontMatter);
      collectExampleMarks(shown, mdx.source.frontMatter.data);
      const ref: SourceRef = { file: shown, path: [] };
      if (kind.type === 'section') {
        const data = check(sectionSchema, mdx.source.frontMatter, diagnostics);
        if (!data) {
          unreadable();
          continue;
        }
        const section: Section = { ...data, regimes: data.regimes ?? [], body: mdx.source.body, bodyLine: mdx.source.bodyLine, fileText: decoded.text, source: ref };
        const key = `${kind.agreement}/${kind.version}`;
        const list = sectionsByVersionFolder.get(key) ?? [];
        list.push(section);
        sectionsByVersionFolder.set(key, list);
      } else {
        const data = check(dpiaSectionSchema, mdx.source.frontMatter, diagnostics);
        if (!data) continue;
        const section: DpiaSection = { ...data, body: mdx.source.body, bodyLine: mdx.source.bodyLine, source: ref };
        dpiaPart(kind.version).sections.push(section);
      }
      continue;
    }

    const yaml = parsers.yaml(shown, decoded.text);
    if (!yaml.ok) {
      diagnostics.push(...yaml.diagnostics);
      unreadable();
      continue;
    }
    yamlSources.set(shown, yaml.source);
    collectExampleMarks(shown, yaml.source.data);
    const ref = (path: PathSegment[] = []): SourceRef => ({ file: shown, path });
    const raw = yaml.source.data;

    switch (kind.type) {
      case 'site': {
        const data = check(siteSchema, yaml.source, diagnostics);
        if (data) content.site = { ...data, source: ref() };
        break;
      }
      case 'organisation': {
        const data = check(organisationSchema, yaml.source, diagnostics);
        if (data) content.organisation = { ...data, source: ref() };
        break;
      }
      case 'phrases': {
        const data = check(phrasesSchema, yaml.source, diagnostics);
        if (data) {
          const rows = decoded.text.split('\n');
          const lines = Object.fromEntries(
            Object.keys(data).map((key) => {
              const line = yaml.source.lineOf([key]).line;
              // A block scalar („text: >-“) starts on the next line.
              return [key, /:\s*[|>][+-]?\d*\s*(#.*)?$/.test(rows[line - 1] ?? '') ? line + 1 : line];
            }),
          );
          content.phrases.push({ name: kind.name, origin, phrases: data, lines, source: ref() });
        }
        break;
      }
      case 'agreement': {
        const data = check(agreementSchema, yaml.source, diagnostics);
        if (data) agreementsByFolder.set(kind.agreement, { ...data, folder: kind.agreement, versions: [], source: ref() });
        else unreadable(raw);
        break;
      }
      case 'version': {
        const data = check(versionSchema, yaml.source, diagnostics);
        if (data) {
          versionsByFolder.set(`${kind.agreement}/${kind.version}`, {
            ...data,
            agreementId: kind.agreement,
            folder: kind.version,
            sections: [],
            source: ref(),
          });
        } else unreadable(raw);
        break;
      }
      case 'toms': {
        const items = checkList(tomFileSchema, 'measures', tomSchema, yaml.source, diagnostics, (item) => gap('tom', idOf(item)));
        const fileMark = exampleMark.safeParse((raw as { beispiel?: unknown } | null)?.beispiel);
        const inherited = fileMark.success && fileMark.data !== undefined ? { beispiel: fileMark.data } : {};
        for (const { data, index } of items) content.toms.push({ ...inherited, ...data, ...(data.beispiel === undefined ? inherited : {}), source: ref(['measures', index]) });
        break;
      }
      case 'dpia-meta': {
        const data = check(dpiaMetaSchema, yaml.source, diagnostics);
        if (data) dpiaPart(kind.version).meta = { ...data, source: ref() };
        else unreadable(raw);
        break;
      }
      case 'risks': {
        const items = checkList(riskRegisterSchema, 'risks', riskSchema, yaml.source, diagnostics, () => undefined);
        const risks = dpiaPart(kind.version).risks;
        for (const { data, index } of items) risks.push({ ...data, source: ref(['risks', index]) });
        break;
      }
      case 'party-kind': {
        const data = check(partyKindSchema, yaml.source, diagnostics);
        if (data) content.kinds.push({ ...data, source: ref() });
        else unreadable(raw);
        // A file whose id is not its name (a copy that kept the original's id, reported by the rule
        // „dateinamen“): the party its name promises may be meant, so references to it are not dangling.
        if (data && data.id !== stem) gap('party', stem);
        break;
      }
      case 'register': {
        const data = check(registerSchema, yaml.source, diagnostics);
        if (data) content.registers.push({ ...data, source: ref() });
        else unreadable(raw);
        break;
      }
      case 'vocabularies': {
        const data = check(vocabulariesSchema, yaml.source, diagnostics);
        if (data) vocabularyInputs[origin === 'bundled' ? 'defaults' : 'content'] = { data, source: ref() };
        else unreadable(raw);
        break;
      }
      case 'party': {
        const data = check(partySchema, yaml.source, diagnostics);
        if (data) content.parties.push({ ...data, kind: kind.kind, regime: data.regime ?? '', source: ref() });
        else unreadable(raw);
        if (data && data.id !== stem) gap('party', stem);
        break;
      }
      case 'ledger': {
        const entries = checkList(ledgerFileSchema, 'entries', ledgerEntrySchema, yaml.source, diagnostics, () => undefined);
        const agreement = slugId.safeParse((raw as { agreement?: unknown } | null)?.agreement);
        const mark = exampleMark.safeParse((raw as { beispiel?: unknown } | null)?.beispiel);
        if (agreement.success) {
          content.ledgers.push({
            agreement: agreement.data,
            ...(mark.success && mark.data !== undefined ? { beispiel: mark.data } : {}),
            entries: entries.map(({ data, index }) => ({ ...data, source: ref(['entries', index]) })),
            source: ref(),
          });
        }
        break;
      }
      case 'council': {
        const data = check(councilSchema, yaml.source, diagnostics);
        if (data) content.council = { ...data, source: ref() };
        else unreadable(raw);
        break;
      }
    }
  }

  // Assemble agreements → versions → sections. A missing parent is reported once, and only
  // when its file is absent: a parent that failed to parse has its own message already.
  const orphanAgreements = new Set<string>();
  for (const [key, version] of versionsByFolder) {
    const sections = sectionsByVersionFolder.get(key) ?? [];
    version.sections = sections.sort((a, b) => a.number - b.number || a.source.file.localeCompare(b.source.file, 'en'));
    const agreement = agreementsByFolder.get(version.agreementId);
    if (agreement) agreement.versions.push(version);
    else orphanAgreements.add(version.agreementId);
  }
  for (const id of orphanAgreements) {
    gap('agreement', id);
    if (present.has(`agreements/${id}/agreement.yaml`)) continue;
    diagnostics.push({
      file: display(`agreements/${id}/agreement.yaml`),
      message: `Die Vereinbarung „${id}“ hat Versionen, aber keine Datei agreement.yaml.`,
      hint: 'Legen Sie agreement.yaml nach dem Muster in content/agreements/README.md an.',
      rule: 'struktur',
      severity: 'error',
    });
  }
  for (const [key, sections] of sectionsByVersionFolder) {
    if (versionsByFolder.has(key) || !sections[0] || present.has(`agreements/${key}/version.yaml`)) continue;
    diagnostics.push({
      file: display(`agreements/${key}/version.yaml`),
      message: `Der Ordner „agreements/${key}“ enthält Paragraphen, aber keine Datei version.yaml.`,
      hint: 'Legen Sie version.yaml nach dem Muster in content/agreements/README.md an.',
      rule: 'struktur',
      severity: 'error',
    });
  }
  content.agreements = [...agreementsByFolder.values()].sort((a, b) => a.id.localeCompare(b.id, 'en'));
  for (const agreement of content.agreements) agreement.versions.sort((a, b) => compareVersions(a.version, b.version));
  // A DPIA version exists in the model only with its dpia.yaml; a missing one is reported once.
  for (const [folder, part] of dpiaParts) {
    if (part.meta) {
      content.dpia.versions.push({ folder, meta: part.meta, sections: part.sections.sort((a, b) => a.order - b.order), risks: part.risks, source: part.meta.source });
      continue;
    }
    gap('dpia', folder);
    if (present.has(`dpia/${folder}/dpia.yaml`)) continue;
    diagnostics.push({
      file: display(`dpia/${folder}/dpia.yaml`),
      message: `Der Ordner „dpia/${folder}“ enthält Teile einer Folgenabschätzung, aber keine Datei dpia.yaml.`,
      hint: 'Legen Sie dpia.yaml nach dem Muster in content/dpia/README.md an.',
      rule: 'struktur',
      severity: 'error',
    });
  }
  content.dpia.versions.sort((a, b) => compareVersions(a.folder, b.folder));
  content.kinds.sort((a, b) => a.id.localeCompare(b.id, 'en'));
  content.registers.sort((a, b) => a.id.localeCompare(b.id, 'en'));
  content.parties.sort((a, b) => a.id.localeCompare(b.id, 'en'));
  content.vocabularies = mergeVocabularies(vocabularyInputs.content, vocabularyInputs.defaults);
  // Defaults that depend on other files: a § without `regimes` reads the same for every regime;
  // a party without `regime` is under its kind's default (or the only regime there is).
  const regimeIds = content.vocabularies.regimes.map((r) => r.id);
  for (const sections of sectionsByVersionFolder.values()) for (const section of sections) if (section.regimes.length === 0) section.regimes = [...regimeIds];
  const kindsById = new Map(content.kinds.map((k) => [k.id, k]));
  for (const party of content.parties) {
    if (party.regime) continue;
    party.regime = kindsById.get(party.kind)?.default_regime ?? (regimeIds.length === 1 ? regimeIds[0]! : '');
  }
  content.ledgers.sort((a, b) => a.agreement.localeCompare(b.agreement, 'en'));
  content.pages.sort((a, b) => a.slug.localeCompare(b.slug, 'en'));

  return { content, diagnostics: diagnostics.sort(compareDiagnostics) };
}

export function compareVersions(a: string, b: string): number {
  const [amaj = 0, amin = 0] = a.split('.').map(Number);
  const [bmaj = 0, bmin = 0] = b.split('.').map(Number);
  return amaj - bmaj || amin - bmin;
}

const DEFAULT_DPO_LABEL = 'Datenschutzbeauftragte oder Datenschutzbeauftragter';

/** The content's vocabulary lists, each missing one from the bundled defaults; every regime field filled in. */
function mergeVocabularies(
  own: { data: VocabulariesInput; source: SourceRef } | undefined,
  bundled: { data: VocabulariesInput; source: SourceRef } | undefined,
): Vocabularies {
  const pickList = <K extends 'regimes' | 'affected_groups' | 'controller_groups'>(key: K) => own?.data[key] ?? bundled?.data[key] ?? [];
  const regimes = pickList('regimes');
  const hasDefault = regimes.some((r) => r.reader === 'default');
  return {
    regimes: regimes.map((r, i) => ({
      id: r.id,
      label: r.label,
      long: r.long ?? r.label,
      letter_sentence: r.letter_sentence ?? `Ihre Ausfertigung ist die ${r.label}-Fassung.`,
      dpo_label: r.dpo_label ?? DEFAULT_DPO_LABEL,
      reader: r.reader === 'default' || (!hasDefault && i === 0) ? 'default' : 'own',
    })),
    regimesNote: own ? own.data.regimes_note : bundled?.data.regimes_note,
    affectedGroups: pickList('affected_groups'),
    controllerGroups: pickList('controller_groups'),
    source: own?.source ?? bundled?.source,
  };
}

function check<S extends z.ZodType>(schema: S, source: YamlSource, diagnostics: Diagnostic[]): z.infer<S> | undefined {
  const result = checkSchema(schema, source);
  if (result.ok) return result.data;
  diagnostics.push(...result.diagnostics);
  return undefined;
}

/**
 * Checks a file that holds a list (`measures`, `risks`, `entries`): every problem of the
 * file is reported, and the entries that are valid on their own are still returned, with
 * their index in the file. `onInvalid` sees each raw entry that is not.
 */
/** The paths of every field called `key` in parsed YAML data, at any depth, in document order. */
function fieldPaths(data: unknown, key: string, path: PathSegment[] = []): PathSegment[][] {
  if (Array.isArray(data)) return data.flatMap((item, i) => fieldPaths(item, key, [...path, i]));
  if (data === null || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([k, v]) => [...(k === key ? [[...path, k]] : []), ...fieldPaths(v, key, [...path, k])]);
}

function checkList<S extends z.ZodType>(
  fileSchema: z.ZodType,
  key: string,
  itemSchema: S,
  source: YamlSource,
  diagnostics: Diagnostic[],
  onInvalid: (raw: unknown) => void,
): { data: z.infer<S>; index: number }[] {
  const whole = checkSchema(fileSchema, source);
  if (!whole.ok) diagnostics.push(...whole.diagnostics);
  const list = (source.data as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) {
    onInvalid(undefined);
    return [];
  }
  const out: { data: z.infer<S>; index: number }[] = [];
  list.forEach((raw, index) => {
    const item = itemSchema.safeParse(raw);
    if (item.success) out.push({ data: item.data, index });
    else onInvalid(raw);
  });
  return out;
}

function idOf(raw: unknown): unknown {
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>).id : undefined;
}

// Registers decide who is eligible, as the party files do: a broken register leaves the parties incomplete.
const AREAS: Record<string, ContentArea> = { agreements: 'agreements', toms: 'toms', dpia: 'dpia', parties: 'parties', registers: 'parties', ledger: 'ledger', council: 'council' };

/** The area a content file belongs to, by its top folder (`site.yaml` is its own); undefined outside the known layout. */
export function areaOf(path: string): ContentArea | undefined {
  const [top, ...rest] = path.split('/');
  if (rest.length === 0) return top === 'site.yaml' ? 'site' : undefined;
  return AREAS[top ?? ''];
}

type FileKind =
  | { type: 'ignored' }
  | { type: 'unknown'; reason: string; hint: string }
  | { type: 'site' }
  | { type: 'organisation' }
  | { type: 'page'; slug: string }
  | { type: 'phrases'; name: string }
  | { type: 'template' }
  | { type: 'agreement'; agreement: string }
  | { type: 'version'; agreement: string; version: string }
  | { type: 'section'; agreement: string; version: string }
  | { type: 'toms' }
  | { type: 'dpia-meta'; version: string }
  | { type: 'risks'; version: string }
  | { type: 'dpia-section'; version: string }
  | { type: 'party-kind' }
  | { type: 'party'; kind: string }
  | { type: 'register' }
  | { type: 'vocabularies' }
  | { type: 'ledger' }
  | { type: 'council' };

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const LAYOUT = 'Die erlaubten Ordner und Dateinamen stehen in content/README.md.';

/** Decides from its path what a content file is. */
export function classify(path: string, templateNames?: ReadonlySet<string>): FileKind {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (name === 'README.md' || name.startsWith('.')) return { type: 'ignored' };
  const unsafe = parts.find((p) => !SAFE_NAME.test(p));
  if (unsafe !== undefined) {
    const better = safeName(unsafe);
    return {
      type: 'unknown',
      reason: `Der Name „${unsafe}“ enthält ${describeUnsafe(unsafe)}; erlaubt sind nur Kleinbuchstaben a–z, Ziffern, „-“, „_“ und „.“.`,
      hint: better ? `Benennen Sie ${unsafe === name ? 'die Datei' : 'den Ordner'} um, z. B. in „${better}“.` : `Benennen Sie die Datei um. ${LAYOUT}`,
    };
  }
  const [top, a, b, c] = parts;
  const n = parts.length;
  if (n === 1 && name === 'site.yaml') return { type: 'site' };
  if (n === 1 && name === 'vocabularies.yaml') return { type: 'vocabularies' };
  if (n === 1 && name === 'organisation.yaml') return { type: 'organisation' };
  if (top === 'pages' && n === 2 && name.endsWith('.md')) return { type: 'page', slug: name.slice(0, -3) };
  if (top === 'templates' && n >= 2) {
    const template = parts.slice(1).join('/');
    if (templateNames && !templateNames.has(template)) {
      return {
        type: 'unknown',
        reason: `Eine Vorlage „${template}“ bringt Vertragswerk nicht mit; in templates/ gehören nur eigene Fassungen mitgelieferter Vorlagen.`,
        hint: `Prüfen Sie den Namen.${didYouMean(template, [...templateNames])} Die Vorlagen stehen in templates/README.md.`,
      };
    }
    return template.endsWith('.yaml') ? { type: 'phrases', name: template } : { type: 'template' };
  }
  if (top === 'agreements') {
    if (n === 3 && b === 'agreement.yaml') return { type: 'agreement', agreement: a! };
    if (n === 4 && c === 'version.yaml') return { type: 'version', agreement: a!, version: b! };
    if (n === 4 && c!.endsWith('.mdx')) return { type: 'section', agreement: a!, version: b! };
  }
  if (top === 'toms' && n === 2 && name.endsWith('.yaml')) return { type: 'toms' };
  if (top === 'dpia' && n >= 3) {
    if (n === 3 && name === 'dpia.yaml') return { type: 'dpia-meta', version: a! };
    if (n === 3 && name === 'risks.yaml') return { type: 'risks', version: a! };
    if (n === 4 && b === 'sections' && name.endsWith('.mdx')) return { type: 'dpia-section', version: a! };
  }
  if (top === 'parties' && n === 2 && name.endsWith('.yaml')) return { type: 'party-kind' };
  if (top === 'parties' && n === 3 && name.endsWith('.yaml')) return { type: 'party', kind: a! };
  if (top === 'registers' && n === 2 && name.endsWith('.yaml')) return { type: 'register' };
  if (top === 'ledger' && n === 2 && name.endsWith('.yaml')) return { type: 'ledger' };
  if (top === 'council' && n === 2 && name === 'council.yaml') return { type: 'council' };
  if (name.endsWith('.yml')) {
    return {
      type: 'unknown',
      reason: 'YAML-Dateien enden in diesem Projekt auf „.yaml“, nicht auf „.yml“; diese Datei wird sonst nicht gelesen.',
      hint: `Benennen Sie die Datei in „${name.slice(0, -4)}.yaml“ um.`,
    };
  }
  return { type: 'unknown', reason: `Hier erwartet Vertragswerk keine Datei: ${EXPECTED_HERE[top ?? ''] ?? EXPECTED_HERE['']}`, hint: `Verschieben oder löschen Sie die Datei. ${LAYOUT}` };
}

const EXPECTED_HERE: Record<string, string> = {
  '': 'im Inhaltsordner liegen nur site.yaml, organisation.yaml, vocabularies.yaml und die Ordner agreements, toms, dpia, parties, registers, ledger, council, pages und templates.',
  pages: 'in pages/ liegen nur Seiten als Markdown-Dateien (impressum.md, datenschutz.md …).',
  agreements: 'in agreements/<vereinbarung>/ liegen agreement.yaml und je Version ein Ordner mit version.yaml und den Paragraphen (.mdx).',
  toms: 'in toms/ liegen nur YAML-Dateien mit Maßnahmen.',
  dpia: 'in dpia/ liegt je Version der Folgenabschätzung ein Ordner (z. B. dpia/1.1/) mit dpia.yaml, risks.yaml und dem Ordner sections mit MDX-Dateien.',
  parties: 'in parties/ liegt je Art von Vertragspartnern eine Datei <art>.yaml und ein Ordner <art>/ mit einer YAML-Datei pro Vertragspartner.',
  registers: 'in registers/ liegt je Register (ein Plan oder Verzeichnis, das über die Berechtigung entscheidet) eine YAML-Datei.',
  ledger: 'in ledger/ liegt je Vereinbarung eine YAML-Datei.',
  council: 'in council/ liegt nur council.yaml.',
};

function describeUnsafe(name: string): string {
  if (/\s/.test(name)) return 'ein Leerzeichen';
  if (/[A-ZÄÖÜ]/.test(name)) return 'Großbuchstaben';
  if (/[äöüß]/.test(name)) return 'Umlaute oder ß';
  if (/^[._-]/.test(name)) return 'ein Sonderzeichen am Anfang';
  return 'Sonderzeichen';
}

/** A permitted name close to `name` („Traeger 003.yaml“ → „traeger-003.yaml“), or `''`. */
function safeName(name: string): string {
  const dot = name.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot).toLowerCase()] : [name, ''];
  const slug = toSlug(base);
  return slug && SAFE_NAME.test(slug + ext) ? slug + ext : '';
}
