import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  TextRun,
  type File,
  type FileChild,
} from 'docx';
import { createHash } from 'node:crypto';
import { htmlToDocxUnits, type HtmlToDocxOptions } from './html-to-docx.ts';
import { packDocx } from './pack.ts';

/**
 * A Word file of a printed document – a party's copy or a Synopse – for lawyers who review and
 * comment in Word. It is a working copy, not a record: its first page and every page's header say
 * so, and that only the PDF with the same document id counts. Built from the HTML the PDF prints,
 * so both say the same; document id and text checksum are the PDF's own.
 */

export interface WorkingCopyInput {
  /** The HTML the PDF prints (templates filled in). */
  html: string;
  orientation: 'portrait' | 'landscape';
  /** The PDF's document id (printed on its every page). */
  documentId: string;
  /** The frozen checksum of the agreement's text, as on the PDF's cover; absent for a draft or a Synopse. */
  textSha256?: string;
  /** Where a PDF can be checked („PDF prüfen“). */
  checkUrl?: string;
  /** What the PDF is, for the notice: „die Ausfertigung“, „die Synopse“. */
  what: 'Ausfertigung' | 'Synopse';
  metadata: { title: string; author: string; subject: string; keywords: readonly string[]; creationDate: string };
}

/** The sentence in every page's header. */
export function workingCopyHeader(input: Pick<WorkingCopyInput, 'documentId' | 'what'>): string {
  return `Arbeitskopie (Word), keine ${input.what === 'Ausfertigung' ? 'Ausfertigung' : 'verbindliche Fassung'} – maßgeblich ist das PDF ${input.documentId}`;
}

/** The notice at the top of the first page. */
export function workingCopyNotice(input: Pick<WorkingCopyInput, 'documentId' | 'textSha256' | 'checkUrl' | 'what'>): string {
  const checksum = input.textSha256 ? ` und der Prüfsumme des Vertragstexts ${input.textSha256}` : '';
  const check = input.checkUrl ? ` Ob ein PDF unverändert ist, lässt sich unter ${input.checkUrl} prüfen; eine Word-Datei lässt sich dort nicht prüfen.` : '';
  const counts = input.what === 'Ausfertigung' ? 'Verbindlich ist allein die PDF-Ausfertigung' : 'Maßgeblich ist allein das PDF';
  return (
    `Arbeitskopie zum Bearbeiten – kein Dokument zum Unterzeichnen. Diese Word-Datei gibt ${input.what === 'Ausfertigung' ? 'die Ausfertigung' : 'die Synopse'} mit der Dokumentkennung ${input.documentId}${checksum} wieder. ` +
    `${counts}; Änderungen in dieser Datei ändern nichts an der Vereinbarung.${check}`
  );
}

const MM = 56.7;
const A4 = { width: Math.round(210 * MM), height: Math.round(297 * MM) };

/**
 * Word XML of the parts of a build's documents, by their HTML source: the agreement text and the
 * annexes every copy of a version and regime shares are converted once; the others insert the XML.
 */
export type WorkingCopyParts = Map<string, { xml?: string; pendingBreak: boolean }>;

const MARK = 'VWTEIL';
// A marker is a paragraph of its own; an empty paragraph before it (`<w:p/>`, in a table cell) must not start the match.
const markPattern = () => new RegExp(`<w:p(?:\\s[^>]*)?(?<!/)>(?:(?!</w:p>|<w:p[\\s>/]).)*?${MARK}-(use|begin|end)-([0-9a-f]{24})(?:(?!</w:p>).)*?</w:p>`, 'gs');
const marker = (what: 'use' | 'begin' | 'end', key: string) => new Paragraph({ text: `${MARK}-${what}-${key}` });

function layout(orientation: WorkingCopyInput['orientation']) {
  const landscape = orientation === 'landscape';
  const margin = landscape ? { top: 20, right: 16, bottom: 18, left: 16 } : { top: 24, right: 20, bottom: 22, left: 25 };
  const pageWidth = landscape ? A4.height : A4.width;
  return { landscape, margin, textWidth: Math.round(pageWidth - (margin.left + margin.right) * MM) };
}

/** The body: each part converted, or – when `parts` knows its source – a marker the packer replaces with the part's XML. */
function bodyOf(input: WorkingCopyInput, options: HtmlToDocxOptions, parts?: WorkingCopyParts): FileChild[] {
  const out: FileChild[] = [];
  let pendingBreak = false;
  for (const unit of htmlToDocxUnits(input.html, options)) {
    const key: string = createHash('sha256').update(`${pendingBreak}\0${unit.source}`).digest('hex').slice(0, 24);
    const known: { xml?: string; pendingBreak: boolean } | undefined = parts?.get(key);
    if (known) {
      out.push(marker('use', key));
      pendingBreak = known.pendingBreak;
      continue;
    }
    // The notice precedes every part: a part may begin on a new page.
    const converted = unit.convert({ pendingBreak, started: true });
    if (parts) {
      parts.set(key, { pendingBreak: converted.pendingBreak });
      out.push(marker('begin', key), ...converted.children, marker('end', key));
    } else out.push(...converted.children);
    pendingBreak = converted.pendingBreak;
  }
  return out;
}

/** document.xml with the markers resolved: new parts recorded in `parts`, known ones inserted. */
function resolveParts(xml: string, parts: WorkingCopyParts): string {
  const begun = new Map<string, number>();
  let out = '';
  let last = 0;
  for (const m of xml.matchAll(markPattern())) {
    const [, what, key] = m as unknown as [string, 'use' | 'begin' | 'end', string];
    if (what === 'begin') {
      out += xml.slice(last, m.index);
      begun.set(key, out.length);
    } else if (what === 'end') {
      out += xml.slice(last, m.index);
      parts.get(key)!.xml = out.slice(begun.get(key)!);
    } else {
      out += xml.slice(last, m.index) + parts.get(key)!.xml!;
    }
    last = m.index + m[0].length;
  }
  return out + xml.slice(last);
}

export function buildWorkingCopy(input: WorkingCopyInput, parts?: WorkingCopyParts): File {
  const { landscape, margin, textWidth } = layout(input.orientation);
  const body = bodyOf(input, { textWidth, pageBreakAfter: ['deckblatt'], pageBreakBefore: ['anlage', 'unterschriften', 'synopse-paragraphen'] }, parts);
  const small = { size: 16, font: 'Calibri' };
  const notice = new Paragraph({
    border: { top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 } },
    spacing: { after: 240 },
    children: [new TextRun({ text: workingCopyNotice(input), bold: true, size: 20, font: 'Calibri' })],
  });
  return new Document({
    title: input.metadata.title,
    subject: input.metadata.subject,
    creator: input.metadata.author,
    lastModifiedBy: input.metadata.author,
    keywords: input.metadata.keywords.join(', '),
    description: workingCopyHeader(input),
    revision: 1,
    styles: {
      default: {
        document: { run: { font: 'Cambria', size: 21 }, paragraph: { spacing: { after: 100, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: 'Calibri', size: 34, bold: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 200, line: 252, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: 'Calibri', size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 160, line: 252, lineRule: LineRuleType.AUTO } } },
        heading2: { run: { font: 'Calibri', size: 23, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 100, line: 252, lineRule: LineRuleType.AUTO } } },
        heading3: { run: { font: 'Calibri', size: 21, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 80, line: 252, lineRule: LineRuleType.AUTO } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: Math.round(margin.top * MM), right: Math.round(margin.right * MM), bottom: Math.round(margin.bottom * MM), left: Math.round(margin.left * MM), header: Math.round(10 * MM), footer: Math.round(10 * MM) },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: workingCopyHeader(input), ...small })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
                children: [
                  new TextRun({ text: input.documentId, ...small }),
                  new TextRun({ children: ['\tSeite ', PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES], ...small }),
                ],
              }),
            ],
          }),
        },
        children: [notice, ...body],
      },
    ],
  });
}

/**
 * The Word file's bytes: the same input gives the same bytes (dates from the content). `parts`,
 * shared by the documents of a build, lets identical parts be converted once.
 */
export function renderWorkingCopyDocx(input: WorkingCopyInput, parts?: WorkingCopyParts): Promise<Uint8Array> {
  return packDocx(buildWorkingCopy(input, parts), input.metadata.creationDate, parts ? (name, xml) => (name === 'word/document.xml' ? resolveParts(xml, parts) : xml) : undefined);
}

/** Bump when the Word output changes in a way its inputs do not show: every cached Word file is made again. */
export const DOCX_PIPELINE_VERSION = 'docx-3';
