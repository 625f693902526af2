import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { renderReportHtml, renderReportMarkdown } from '../src/lib/report/render.ts';
import { buildBeschlusskontrolleView } from '../src/lib/report/view.ts';
import { runRules } from '../src/validate/index.ts';
import { applyEdits, parseTree, validFixture, type FileEdit } from './support/content-variants.ts';
import { ROOT } from './support/run-cli.ts';

const { content: bundled } = await loadContent(path.join(ROOT, 'content'));

/** The seed's sentences (../shared/seeds/000_…txt) with its line breaks joined and OCR errors corrected. */
const RECORD = {
  heading: 'Beschlusskontrolle zu A 0311/22 (Sitzungsnummer: JHA/036/2022)',
  title: 'Rahmen-Kooperationsvereinbarung über die gemeinsame Nutzung der webbasierten Software „Kita-Planer 2“ der Firma netgo GmbH mit den Trägern von Kindertageseinrichtungen in der Landeshauptstadt Dresden',
  point1:
    'Der Jugendhilfeausschuss hat die Rahmen-Kooperationsvereinbarung über die gemeinsame Nutzung der webbasierten Software „Kita-Planer 2“ der Firma netgo GmbH zwischen der Landeshauptstadt Dresden und den freien Trägern von Kindertageseinrichtungen in der Sitzung am 31. März 2022 beschlossen.',
  point2:
    'Allen freien Trägern von Kindertageseinrichtungen in der Landeshauptstadt Dresden wurde mit Schreiben vom 4. April 2022 der Abschluss einer individualrechtlichen Kooperationsvereinbarung auf Grundlage der vom Jugendhilfeausschuss bestätigten Rahmen-Kooperationsvereinbarung angeboten. Die Träger wurden darauf hingewiesen, dass die Mitarbeit im neuen IT-System freiwillig erfolgt und von der Landeshauptstadt Dresden kein Zwang zum Abschluss der Vereinbarung ausgeübt wird.',
  signed:
    'Von 87 Trägern, die Einrichtungen im Rahmen des städtischen Bedarfsplanes betreiben, haben bereits 51 Träger die Kooperationsvereinbarung mit dem Amt für Kindertagesbetreuung und dem Eigenbetrieb IT-Dienstleistungen als Auftragsverarbeiter geschlossen. Weitere Träger haben signalisiert, die Vereinbarung in Kürze abschließen zu wollen.',
};

describe('the recorded Beschlusskontrolle letter of 24 August 2022 reproduces the record', () => {
  const view = buildBeschlusskontrolleView(bundled, { asOf: '2022-08-24' });
  const md = renderReportMarkdown(view);

  it('has the record’s Betreff and subject line, salutation, opening and closing', () => {
    expect([view.letter.subject, view.letter.title]).toEqual([RECORD.heading, RECORD.title]);
    expect(md).toContain('Sehr geehrte Fraktionen und Mitglieder des Stadtrates,\n\nfolgender abschließender Stand kann zu oben genanntem Beschluss gegeben werden:');
    expect(md).toMatch(/Mit freundlichen Grüßen\n\nBeigeordneter für Bildung und Jugend\n\nKenntnisnahme:\\\nOberbürgermeister\n/);
  });

  it('quotes both resolution points as the record does (inner quotation marks kept) and prints their notes word for word', () => {
    expect(view.points.map((p) => p.quote.slice(0, 40))).toEqual([
      '„Der Jugendhilfeausschuss beschließt die',
      '„Der Oberbürgermeister wird beauftragt, ',
    ]);
    expect(view.points[0]!.quote).toContain('Software „Kita-Planer 2“ der Firma netgo GmbH');
    expect(view.points.map((p) => p.blocks.map((b) => (b.type === 'paragraph' ? b.text : 'TABELLE')))).toEqual([[RECORD.point1], [RECORD.point2, RECORD.signed]]);
  });

  it('states no figure the record does not have: no table, no chart, no intent count, no open or declined offers', () => {
    const body = md.slice(md.indexOf('# '), md.indexOf('**Wiedergabe**'));
    expect(body).not.toContain('|');
    expect(view.timeline).toBeUndefined();
    for (const absent of ['Sechs', 'Absicht', 'abgelehnt', 'ohne Antwort', 'Plätze', 'KDG', 'Verlauf']) expect(body).not.toContain(absent);
    // Every number in the letter is one of the record's.
    expect(new Set(body.match(/\b\d+\b/g))).toEqual(new Set(['0311', '22', '036', '2022', '1', '31', '2', '4', '87', '51', '2021']));
  });

  it('says where its wording comes from and names every correction, apart from the letter', () => {
    expect(md).toMatch(/\*\*Wiedergabe\*\*: Hausmitteilung des Geschäftsbereichs Bildung und Jugend .*Berichtigt und weggelassen:/);
    for (const fixed of ['„GmbFi“ zu „GmbH“', '„daraufhingewiesen“ zu „darauf hingewiesen“', '„RahmenKooperationsvereinbarung“', '„mit allen freien Träger“']) expect(md).toContain(fixed);
  });

  it('is marked: the instance’s mark, and the assumed month of its date', () => {
    expect(view.example).toEqual({
      instance: 'Beispielinhalte – nicht amtlich',
      notes: ['Hausmitteilung vom 24.\u00a0August 2022: Monat des Briefdatums angenommen; Tag und Jahr stehen in der Hausmitteilung, der Monat ist im Scan unleserlich.'],
    });
    expect(md.startsWith('**Beispielinhalte – nicht amtlich**: Dieses Schreiben ist aus Beispielinhalten erzeugt.')).toBe(true);
    const html = renderReportHtml(view);
    // Above the letterhead, not inside its grid; and in the footer of every printed page.
    expect(html.indexOf('<p class="beispielvermerk">')).toBeLessThan(html.indexOf('<div class="briefkopf">'));
    expect(html).toContain('@page { @bottom-left { content: "Beispielinhalte – nicht amtlich";');
  });

  it('keeps the figures for `ledger status` and the status page (the letter does not print them)', () => {
    expect(view.figures?.eligible).toBe(87);
    expect(view.figures?.bound).toBe(51);
  });

  it('no sentence of the record is in the code: it comes from council.yaml', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : [path.join(dir, n)]));
    const code = ['src', 'scripts', 'templates'].flatMap((d) => files(path.join(ROOT, d)));
    for (const sentence of ['kein Zwang zum Abschluss', 'Weitere Träger haben signalisiert', 'als Auftragsverarbeiter geschlossen', 'Kenntnisnahme', 'im Rahmen des städtischen Bedarfsplanes']) {
      expect(code.filter((f) => readFileSync(f, 'utf8').includes(sentence)).map((f) => path.relative(ROOT, f)), sentence).toEqual([]);
    }
  });
});

describe('letters for other days are generated as before, with their marks', () => {
  it('a later day: figures, table and chart from the ledger, marked as example data', () => {
    const view = buildBeschlusskontrolleView(bundled, { asOf: '2023-12-01' });
    expect(view.reproduction).toBeUndefined();
    expect(view.letter.subject).toBe('Beschlusskontrolle zu A\u00a00311/22 (Sitzungsnummer: JHA/036/2022)');
    expect(view.timeline).toBeDefined();
    expect(view.points[1]!.blocks.some((b) => b.type === 'table')).toBe(true);
    expect(view.example?.notes).toEqual([expect.stringMatching(/^Zahlen aus dem Zeichnungsregister: Die Einträge sind erfunden;/)]);
  });

  it('the childminders’ letter (V1530/22) is invented whole and says so at its top', () => {
    const view = buildBeschlusskontrolleView(bundled, { agreementId: 'kindertagespflege' });
    expect(view.example?.notes.join('\n')).toContain('Hausmitteilung vom 15.\u00a0Dezember 2022: Die ganze Hausmitteilung ist erfunden');
    expect(view.example?.notes.join('\n')).toContain('Vorlage V\u00a01530/22: Vorlage, Datum und Beschluss sind erfunden');
    expect(renderReportMarkdown(view).split('\n\n')[0]).toContain('Die ganze Hausmitteilung ist erfunden');
  });
});

describe('a real instance (fixture): no mark; a record is reproduced only on its own date', () => {
  const contentWith = (edits: FileEdit[]) => {
    const { content, diagnostics } = parseTree(applyEdits(validFixture(), edits));
    expect([...diagnostics, ...runRules(content)].filter((d) => d.severity === 'error')).toEqual([]);
    return content;
  };
  const record: FileEdit = {
    file: 'council/council.yaml',
    replace: '    session: JHA/001/2022\n',
    with: `    session: JHA/001/2022
    record:
      source: Hausmitteilung, Seite 1
      heading: "Beschlusskontrolle A 0001/22"
      salutation: Guten Tag,
      opening: "wir berichten:"
      points:
        - { number: 1, notes: [Beschlossen wie beantragt.] }
        - { number: 2, notes: [Angeboten., Zwei haben unterschrieben.] }
      closing: Freundliche Grüße
`,
  };

  it('without a flag in site.yaml the letter carries no mark at all', () => {
    const view = buildBeschlusskontrolleView(contentWith([]));
    expect(view.example).toBeUndefined();
    expect(renderReportMarkdown(view)).not.toMatch(/Beispiel/);
    expect(renderReportHtml(view)).not.toContain('@bottom-left');
  });

  it('with a record: its sentences on its date, the generated letter on any other', () => {
    const content = contentWith([record]);
    const on = renderReportMarkdown(buildBeschlusskontrolleView(content, { asOf: '2022-08-24' }));
    expect(on).toContain('# Beschlusskontrolle A 0001/22');
    expect(on).toContain('Guten Tag,\n\nwir berichten:');
    expect(on).toContain('Angeboten.\n\nZwei haben unterschrieben.\n\nFreundliche Grüße');
    expect(on).toContain('**Wiedergabe**: Hausmitteilung, Seite 1.');
    const later = renderReportMarkdown(buildBeschlusskontrolleView(content, { asOf: '2022-09-01' }));
    expect(later).not.toContain('Guten Tag');
    expect(later).toContain('Mit freundlichen Grüßen');
  });
});
