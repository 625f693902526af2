import type { z } from 'zod';
import { agreementSchema, sectionSchema, versionSchema } from '../schemas/agreement.ts';
import { councilSchema } from '../schemas/council.ts';
import { dpiaMetaSchema, dpiaSectionSchema, riskRegisterSchema } from '../schemas/dpia.ts';
import { ledgerFileSchema } from '../schemas/ledger.ts';
import { childminderSchema, providerSchema } from '../schemas/party.ts';
import { siteSchema } from '../schemas/site.ts';
import { tomFileSchema } from '../schemas/tom.ts';
import type {
  AgreementEntry,
  Content,
  DpiaSection,
  Ledger,
  Section,
  SourceRef,
  Version,
} from './content-model.ts';
import { compareDiagnostics, type Diagnostic, type PathSegment } from './diagnostics.ts';
import { parseMdxSource } from './mdx-source.ts';
import { decodeContentFile } from './source-text.ts';
import { zodIssuesToDiagnostics } from './zod-diagnostics.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

export interface ContentFile {
  /** Path relative to the content root, with forward slashes, e.g. `toms/vertraulichkeit.yaml`. */
  path: string;
  bytes: Uint8Array;
}

export interface ParseContentResult {
  content: Content;
  diagnostics: Diagnostic[];
}

/**
 * Turns the files of a content folder into the content model. Pure: it takes bytes and
 * returns data plus every problem found (all of them, not only the first).
 * `displayPrefix` is put before each path in messages (e.g. `content/`).
 */
export function parseContent(files: readonly ContentFile[], displayPrefix = ''): ParseContentResult {
  const diagnostics: Diagnostic[] = [];
  const yamlSources = new Map<string, YamlSource>();
  const display = (path: string) => displayPrefix + path;

  const content: Content = {
    site: undefined,
    agreements: [],
    toms: [],
    dpia: { meta: undefined, sections: [], risks: [] },
    providers: [],
    childminders: [],
    ledgers: [],
    council: undefined,
    files: files.map((f) => display(f.path)).sort(),
    lineOf(source: SourceRef, ...field: PathSegment[]) {
      const yaml = yamlSources.get(source.file);
      return yaml?.lineOf([...source.path, ...field]);
    },
  };

  const versionsByFolder = new Map<string, Version>();
  const agreementsByFolder = new Map<string, AgreementEntry>();
  const sectionsByVersionFolder = new Map<string, Section[]>();

  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path, 'en'));
  for (const file of sorted) {
    const shown = display(file.path);
    const kind = classify(file.path);
    if (kind.type === 'ignored') continue;
    if (kind.type === 'unknown') {
      diagnostics.push({
        file: shown,
        message: kind.reason,
        hint: 'Verschieben oder löschen Sie die Datei; die erlaubten Ordner und Dateinamen stehen in content/README.md.',
        rule: 'datei',
        severity: 'error',
      });
      continue;
    }
    const decoded = decodeContentFile(shown, file.bytes);
    if (!decoded.ok) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }

    if (kind.type === 'section' || kind.type === 'dpia-section') {
      const mdx = parseMdxSource(shown, decoded.text);
      if (!mdx.ok) {
        diagnostics.push(...mdx.diagnostics);
        continue;
      }
      yamlSources.set(shown, mdx.source.frontMatter);
      const ref: SourceRef = { file: shown, path: [] };
      if (kind.type === 'section') {
        const data = check(sectionSchema, mdx.source.frontMatter, diagnostics);
        if (!data) continue;
        const section: Section = { ...data, body: mdx.source.body, bodyLine: mdx.source.bodyLine, source: ref };
        const key = `${kind.agreement}/${kind.version}`;
        const list = sectionsByVersionFolder.get(key) ?? [];
        list.push(section);
        sectionsByVersionFolder.set(key, list);
      } else {
        const data = check(dpiaSectionSchema, mdx.source.frontMatter, diagnostics);
        if (!data) continue;
        const section: DpiaSection = { ...data, body: mdx.source.body, bodyLine: mdx.source.bodyLine, source: ref };
        content.dpia.sections.push(section);
      }
      continue;
    }

    const yaml = parseYamlSource(shown, decoded.text);
    if (!yaml.ok) {
      diagnostics.push(...yaml.diagnostics);
      continue;
    }
    yamlSources.set(shown, yaml.source);
    const ref = (path: PathSegment[] = []): SourceRef => ({ file: shown, path });

    switch (kind.type) {
      case 'site': {
        const data = check(siteSchema, yaml.source, diagnostics);
        if (data) content.site = { ...data, source: ref() };
        break;
      }
      case 'agreement': {
        const data = check(agreementSchema, yaml.source, diagnostics);
        if (data) agreementsByFolder.set(kind.agreement, { ...data, folder: kind.agreement, versions: [], source: ref() });
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
        }
        break;
      }
      case 'toms': {
        const data = check(tomFileSchema, yaml.source, diagnostics);
        if (data) data.measures.forEach((tom, i) => content.toms.push({ ...tom, source: ref(['measures', i]) }));
        break;
      }
      case 'dpia-meta': {
        const data = check(dpiaMetaSchema, yaml.source, diagnostics);
        if (data) content.dpia.meta = { ...data, source: ref() };
        break;
      }
      case 'risks': {
        const data = check(riskRegisterSchema, yaml.source, diagnostics);
        if (data) data.risks.forEach((risk, i) => content.dpia.risks.push({ ...risk, source: ref(['risks', i]) }));
        break;
      }
      case 'provider': {
        const data = check(providerSchema, yaml.source, diagnostics);
        if (data) content.providers.push({ ...data, kind: 'traeger', source: ref() });
        break;
      }
      case 'childminder': {
        const data = check(childminderSchema, yaml.source, diagnostics);
        if (data) content.childminders.push({ ...data, kind: 'kindertagespflege', source: ref() });
        break;
      }
      case 'ledger': {
        const data = check(ledgerFileSchema, yaml.source, diagnostics);
        if (data) {
          const ledger: Ledger = {
            agreement: data.agreement,
            entries: data.entries.map((entry, i) => ({ ...entry, source: ref(['entries', i]) })),
            source: ref(),
          };
          content.ledgers.push(ledger);
        }
        break;
      }
      case 'council': {
        const data = check(councilSchema, yaml.source, diagnostics);
        if (data) content.council = { ...data, source: ref() };
        break;
      }
    }
  }

  // Assemble agreements → versions → sections.
  for (const [key, version] of versionsByFolder) {
    const sections = sectionsByVersionFolder.get(key) ?? [];
    version.sections = sections.sort((a, b) => a.number - b.number || a.source.file.localeCompare(b.source.file, 'en'));
    const agreement = agreementsByFolder.get(version.agreementId);
    if (agreement) agreement.versions.push(version);
    else {
      diagnostics.push({
        file: display(`agreements/${version.agreementId}/agreement.yaml`),
        message: `Die Vereinbarung „${version.agreementId}“ hat Versionen, aber keine gültige agreement.yaml.`,
        hint: 'Legen Sie agreement.yaml nach dem Muster in content/agreements/README.md an.',
        rule: 'struktur',
        severity: 'error',
      });
    }
  }
  for (const [key, sections] of sectionsByVersionFolder) {
    if (!versionsByFolder.has(key) && sections[0]) {
      diagnostics.push({
        file: display(`agreements/${key}/version.yaml`),
        message: `Der Ordner „${key}“ enthält Paragraphen, aber keine gültige version.yaml.`,
        hint: 'Legen Sie version.yaml nach dem Muster in content/agreements/README.md an.',
        rule: 'struktur',
        severity: 'error',
      });
    }
  }
  content.agreements = [...agreementsByFolder.values()].sort((a, b) => a.id.localeCompare(b.id, 'en'));
  for (const agreement of content.agreements) agreement.versions.sort((a, b) => compareVersions(a.version, b.version));
  content.dpia.sections.sort((a, b) => a.order - b.order);
  content.providers.sort((a, b) => a.id.localeCompare(b.id, 'en'));
  content.childminders.sort((a, b) => a.id.localeCompare(b.id, 'en'));
  content.ledgers.sort((a, b) => a.agreement.localeCompare(b.agreement, 'en'));

  return { content, diagnostics: diagnostics.sort(compareDiagnostics) };
}

export function compareVersions(a: string, b: string): number {
  const [amaj = 0, amin = 0] = a.split('.').map(Number);
  const [bmaj = 0, bmin = 0] = b.split('.').map(Number);
  return amaj - bmaj || amin - bmin;
}

function check<S extends z.ZodType>(schema: S, source: YamlSource, diagnostics: Diagnostic[]): z.infer<S> | undefined {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return result.data;
  diagnostics.push(...zodIssuesToDiagnostics(result.error.issues, source));
  return undefined;
}

type FileKind =
  | { type: 'ignored' }
  | { type: 'unknown'; reason: string }
  | { type: 'site' }
  | { type: 'agreement'; agreement: string }
  | { type: 'version'; agreement: string; version: string }
  | { type: 'section'; agreement: string; version: string }
  | { type: 'toms' }
  | { type: 'dpia-meta' }
  | { type: 'risks' }
  | { type: 'dpia-section' }
  | { type: 'provider' }
  | { type: 'childminder' }
  | { type: 'ledger' }
  | { type: 'council' };

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** Decides from its path what a content file is. */
export function classify(path: string): FileKind {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (name === 'README.md' || name.startsWith('.')) return { type: 'ignored' };
  if (!parts.every((p) => SAFE_NAME.test(p))) {
    return {
      type: 'unknown',
      reason: 'Der Datei- oder Ordnername enthält Zeichen, die nicht erlaubt sind (nur Kleinbuchstaben, Ziffern, „-“, „_“ und „.“).',
    };
  }
  const [top, a, b, c] = parts;
  const n = parts.length;
  if (n === 1 && name === 'site.yaml') return { type: 'site' };
  if (top === 'agreements') {
    if (n === 3 && b === 'agreement.yaml') return { type: 'agreement', agreement: a! };
    if (n === 4 && c === 'version.yaml') return { type: 'version', agreement: a!, version: b! };
    if (n === 4 && c!.endsWith('.mdx')) return { type: 'section', agreement: a!, version: b! };
  }
  if (top === 'toms' && n === 2 && name.endsWith('.yaml')) return { type: 'toms' };
  if (top === 'dpia') {
    if (n === 2 && name === 'dpia.yaml') return { type: 'dpia-meta' };
    if (n === 2 && name === 'risks.yaml') return { type: 'risks' };
    if (n === 3 && a === 'sections' && name.endsWith('.mdx')) return { type: 'dpia-section' };
  }
  if (top === 'parties' && n === 3 && name.endsWith('.yaml')) {
    if (a === 'traeger') return { type: 'provider' };
    if (a === 'kindertagespflege') return { type: 'childminder' };
  }
  if (top === 'ledger' && n === 2 && name.endsWith('.yaml')) return { type: 'ledger' };
  if (top === 'council' && n === 2 && name === 'council.yaml') return { type: 'council' };
  if (name.endsWith('.yml')) {
    return { type: 'unknown', reason: 'YAML-Dateien enden in diesem Projekt auf „.yaml“, nicht auf „.yml“.' };
  }
  return { type: 'unknown', reason: 'Diese Datei liegt an einer Stelle, an der Vertragswerk keine Inhalte erwartet.' };
}
