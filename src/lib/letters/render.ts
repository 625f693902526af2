import { asTemplateValue, compileTemplate, cssString, type TemplateData } from '../pdf/template.ts';
import type { PdfMetadata } from '../pdf/party-document.ts';
import type { LetterView } from './plan.ts';

/** The letter layout from templates/ (letter.html, letter.css), as staff can edit it. */
export interface LetterTemplates {
  html: string;
  css: string;
  /** `@font-face` rules with embedded fonts. */
  fontCss: string;
  /** Where letter.html came from (the content's own or the bundled one), for error messages. */
  file?: string;
}

export const LETTER_TEMPLATE_FILES = { html: 'letter.html', css: 'letter.css' } as const;

export function buildLetterTemplateData(view: LetterView, css: string): TemplateData {
  return {
    css,
    subject: view.subject,
    sender: view.sender,
    org: asTemplateValue(view.org),
    senderLine: view.senderLine,
    addressLines: view.addressLines,
    dateText: view.dateText,
    salutation: view.salutation,
    paragraphs: view.paragraphs,
    hasChanges: view.changes.length > 0,
    changes: view.changes.map((c) => ({ label: c.label, title: c.title, kindLabel: c.kindLabel, reasons: c.reasons, diffHtml: c.diffHtml ?? '', summary: c.summary ?? '' })),
    changeGroups: view.changeGroups.map((g, i) => ({
      heading: g.text ? `Änderung ${i + 1}` : 'Weitere Änderungen',
      text: g.text ?? '',
      reason: g.reason ?? '',
      exampleText: g.exampleText ?? '',
      coversText: g.coversText,
      // A one-line summary says what kind of change it is; the heading need not.
      sections: g.sections.map((c) => ({ label: c.label, title: c.title, kindLabel: c.summary ? '' : c.kindLabel, diffHtml: c.diffHtml ?? '', summary: c.summary ?? '' })),
      seeAbove: g.seeAbove,
    })),
    hasChangeNotes: view.changeNotes.length > 0,
    changeNotes: view.changeNotes,
    hasExampleNotes: view.exampleNotes.length > 0,
    exampleNotes: view.exampleNotes,
    // An example instance marks every letter; a real one only letters that name marked facts (none: the validator refuses such marks there).
    isExample: view.exampleMark !== null || view.exampleNotes.length > 0,
    exampleMark: view.exampleMark,
    exampleFooterCss: cssString(view.exampleMark ?? 'Beispieldaten'),
    closing: view.closing,
    enclosures: view.enclosures,
    copy: view.copy ? { document_id: view.copy.document_id, sha256: view.copy.sha256 } : null,
  };
}

/** One self-contained HTML page per letter: fonts and styles inline, nothing requested. */
export function renderLetterHtml(view: LetterView, templates: LetterTemplates): string {
  const template = compileTemplate(templates.file ?? LETTER_TEMPLATE_FILES.html, templates.html);
  return template.render(buildLetterTemplateData(view, `${templates.fontCss}\n${templates.css}`));
}

/** Fixed metadata, dates from the letter: the same content gives the same PDF bytes. */
export function letterPdfMetadata(view: LetterView): PdfMetadata {
  return {
    title: view.subject,
    author: [view.sender.publisher, view.sender.department].filter(Boolean).join(', '),
    subject: `Schreiben an ${view.party.id}`,
    keywords: [view.agreementId, `Version ${view.version}`, view.kind, ...(view.exampleMark ? [view.exampleMark] : []), ...(view.exampleNotes.length > 0 ? ['Beispieldaten'] : [])],
    creator: 'Vertragswerk – Schreiben an die Partner',
    producer: 'Vertragswerk (Chromium, pdf-lib)',
    creationDate: view.date,
    modDate: view.date,
    language: 'de',
  };
}

function csvField(value: string): string {
  return /[";\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const LETTER_CSV_HEADER = ['datei', 'art', 'partner', 'vereinbarung', 'version', 'datum', 'anschrift', 'anrede', 'dokumentkennung', 'sha256', 'kontakt_oeffentlich', 'kontakt_email', 'beispieldaten'];

/** The mail-merge list: one row per letter, `;`-separated, UTF-8; contacts only where public; example data named in `beispieldaten`. */
export function renderLetterCsv(letters: readonly LetterView[]): string {
  const rows = letters.map((l) => [
    `${l.fileStem}.pdf`,
    l.kind,
    l.party.id,
    l.agreementId,
    l.version,
    l.date,
    l.addressLines.join('\n'),
    l.salutation,
    l.copy?.document_id ?? '',
    l.copy?.sha256 ?? '',
    l.publicContact ? `${l.publicContact.name}, ${l.publicContact.function}` : '',
    l.publicContact?.email ?? '',
    l.exampleNotes.join(' '),
  ]);
  return [LETTER_CSV_HEADER, ...rows].map((r) => r.map(csvField).join(';')).join('\n') + '\n';
}

/** What the ledger records from a letter run (`npm run ledger -- offer --from-letters`). */
export interface LetterRunRecord {
  format: 1;
  agreement: string;
  date: string;
  /** Offers and change notices: each offers a version. */
  offers: { party: string; version: string; kind: string; copy?: { document_id: string; sha256: string }; file?: string; letter_sha256?: string }[];
  /** Reminders about an open offer (absent in run records written before reminders were recorded). */
  reminders?: { party: string; version: string; copy?: { document_id: string; sha256: string }; file?: string; letter_sha256?: string }[];
}

/**
 * `letterSha256` gives the SHA-256 of a letter's PDF by its file stem, when the run printed it: with it
 * every letter names its file and checksum, so that „PDF prüfen“ recognises the letter.
 */
export function buildLetterRunRecord(agreementId: string, date: string, letters: readonly LetterView[], letterSha256?: (fileStem: string) => string | undefined): LetterRunRecord {
  const copyOf = (l: LetterView) => (l.copy ? { copy: { document_id: l.copy.document_id, sha256: l.copy.sha256 } } : {});
  const printed = (l: LetterView) => {
    const sha = letterSha256?.(l.fileStem);
    return sha ? { file: `${l.fileStem}.pdf`, letter_sha256: sha } : {};
  };
  return {
    format: 1,
    agreement: agreementId,
    date,
    offers: letters.filter((l) => l.kind !== 'erinnerung').map((l) => ({ party: l.party.id, version: l.version, kind: l.kind, ...copyOf(l), ...printed(l) })),
    reminders: letters.filter((l) => l.kind === 'erinnerung').map((l) => ({ party: l.party.id, version: l.version, ...copyOf(l), ...printed(l) })),
  };
}
