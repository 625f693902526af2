import { describe, expect, it } from 'vitest';
import type { DpiaVersion, RiskEntry } from '../src/lib/content-model.ts';
import { matrixWhatIf, raiseCell } from '../src/lib/dpia/what-if.ts';
import type { DskLevel, RiskMatrix } from '../src/schemas/dpia.ts';

/** A monotone table like the one DPIA 2.0 enters (rows = severity, columns = likelihood). */
const ROWS: RiskMatrix['rows'] = {
  geringfuegig: { geringfuegig: 'gering', ueberschaubar: 'gering', substanziell: 'normal', gross: 'normal' },
  ueberschaubar: { geringfuegig: 'gering', ueberschaubar: 'normal', substanziell: 'normal', gross: 'hoch' },
  substanziell: { geringfuegig: 'normal', ueberschaubar: 'normal', substanziell: 'hoch', gross: 'hoch' },
  gross: { geringfuegig: 'normal', ueberschaubar: 'hoch', substanziell: 'hoch', gross: 'hoch' },
};

const at = (likelihood: DskLevel, severity: DskLevel) => ({ likelihood, severity });
function risk(id: string, before: ReturnType<typeof at>, after: ReturnType<typeof at>, extra: Partial<RiskEntry> = {}): RiskEntry {
  return { id, title: `Titel ${id}`, description: 'd', groups: ['kinder'], before, after, toms: ['tom-x'], source: { file: 'dpia/9.0/risks.yaml', path: [] }, ...extra };
}

function dpia(contested: RiskMatrix['contested'], risks: RiskEntry[]): Pick<DpiaVersion, 'meta' | 'risks'> {
  return { meta: { matrix: { source: 'Test', rows: ROWS, contested } } as DpiaVersion['meta'], risks };
}

const RISKS = [
  // After the measures in the contested corner: normal now, high if the corner were high.
  risk('risk-a', at('ueberschaubar', 'gross'), at('geringfuegig', 'gross')),
  // High before already; normal after at substanziell × geringfügig.
  risk('risk-b', at('substanziell', 'gross'), at('geringfuegig', 'substanziell')),
  // Residual high with a recorded consultation: never asks for Art. 36 again.
  risk('risk-c', at('gross', 'gross'), at('ueberschaubar', 'gross'), { art36: { authority: 'Aufsicht', date: '2024-01-01', result: 'Keine Bedenken.' } }),
  // Low, far from the contested cells.
  risk('risk-d', at('geringfuegig', 'ueberschaubar'), at('geringfuegig', 'geringfuegig')),
];

describe('raising one cell keeps the table monotone', () => {
  it('raises only the cell when every cell above and to the right is already as high', () => {
    const { rows, raised } = raiseCell({ rows: ROWS }, { severity: 'gross', likelihood: 'geringfuegig' }, 'hoch');
    expect(raised.map((c) => `${c.severity}/${c.likelihood} ${c.from}→${c.to}`)).toEqual(['gross/geringfuegig normal→hoch']);
    expect(rows.gross.geringfuegig).toBe('hoch');
    expect(ROWS.gross.geringfuegig).toBe('normal');
  });

  it('drags along every cell with at least its severity and likelihood that stands lower', () => {
    const { raised } = raiseCell({ rows: ROWS }, { severity: 'substanziell', likelihood: 'geringfuegig' }, 'hoch');
    expect(raised.map((c) => `${c.severity}/${c.likelihood}`)).toEqual(['substanziell/geringfuegig', 'substanziell/ueberschaubar', 'gross/geringfuegig']);
  });
});

describe('what hangs on each contested cell', () => {
  it('is undefined when no cell is contested', () => {
    expect(matrixWhatIf(dpia(undefined, RISKS))).toBeUndefined();
    expect(matrixWhatIf(dpia([], RISKS))).toBeUndefined();
  });

  const whatIf = matrixWhatIf(
    dpia(
      [
        { severity: 'gross', likelihood: 'geringfuegig', note: 'Abbildung unklar.' },
        { severity: 'substanziell', likelihood: 'geringfuegig' },
        { severity: 'geringfuegig', likelihood: 'geringfuegig' },
        { severity: 'gross', likelihood: 'gross' },
      ],
      RISKS,
    ),
  )!;
  const [corner, asymmetric, lowest, top] = whatIf.cells;

  it('names which risks would become high, before and after the measures, and that Art. 36 would then apply', () => {
    expect([corner!.level, corner!.raisedLevel, corner!.note]).toEqual(['normal', 'hoch', 'Abbildung unklar.']);
    expect(corner!.inCell.after.map((r) => r.id)).toEqual(['risk-a']);
    expect(corner!.before.newlyHigh).toEqual([]);
    expect(corner!.after.newlyHigh.map((r) => r.id)).toEqual(['risk-a']);
    expect(corner!.after.highCount).toBe(2);
    expect(corner!.art36Risks.map((r) => r.id)).toEqual(['risk-a']);
    expect(corner!.art36Text).toBe('ja, für risk-a');
    expect(corner!.alsoRaisedText).toBeNull();
  });

  it('counts the cells dragged along: raising substanziell × geringfügig also raises groß × geringfügig', () => {
    expect(asymmetric!.alsoRaised.map((c) => c.label)).toEqual(['Schwere substanziell × Wahrscheinlichkeit überschaubar', 'Schwere groß × Wahrscheinlichkeit geringfügig']);
    expect(asymmetric!.after.newlyHigh.map((r) => r.id)).toEqual(['risk-a', 'risk-b']);
    expect(asymmetric!.after.text).toBe('neu hoch: risk-a und risk-b (zusammen 3\u00a0Risiken hoch)');
    expect(asymmetric!.art36Text).toBe('ja, für risk-a und risk-b');
  });

  it('a risk with a recorded consultation never asks for one again', () => {
    for (const cell of whatIf.cells) expect(cell.art36Risks.map((r) => r.id)).not.toContain('risk-c');
    expect(whatIf.art36RisksNow).toEqual([]);
  });

  it('a cell that changes nothing says so', () => {
    expect(lowest!.raisedLevel).toBe('normal');
    expect(lowest!.before.text).toBe('keine Änderung (hoch: 3\u00a0Risiken)');
    expect(lowest!.art36Text).toBe('nein');
  });

  it('a cell already at the top cannot rise', () => {
    expect([top!.raisedLevel, top!.raisedLabel, top!.alsoRaised, top!.after.newlyHigh]).toEqual([null, null, [], []]);
  });

  it('introduces the list with the result as entered', () => {
    expect(whatIf.intro).toBe(
      '4\u00a0Zellen der Tabelle sind noch mit der Quelle abzugleichen („zu prüfen“). Nach der eingetragenen Tabelle bleibt kein Risiko nach den Maßnahmen hoch, ohne dass eine Konsultation der Aufsichtsbehörde (Art.\u00a036 DSGVO) eingetragen ist. Für jede dieser Zellen steht hier, was sich änderte, wenn sie eine Stufe höher stünde.',
    );
  });

  it('says „wie bisher“ or „zusätzlich“ when a consultation is needed already', () => {
    const needed = matrixWhatIf(dpia([{ severity: 'gross', likelihood: 'geringfuegig' }, { severity: 'geringfuegig', likelihood: 'geringfuegig' }], [...RISKS, risk('risk-e', at('gross', 'gross'), at('gross', 'gross'))]))!;
    expect(needed.art36RisksNow.map((r) => r.id)).toEqual(['risk-e']);
    expect(needed.cells.map((c) => c.art36Text)).toEqual(['ja, zusätzlich für risk-a', 'wie bisher, für risk-e']);
  });
});

describe('the DPIA page and the DPIA PDF show the one what-if of the bundled draft 2.0', async () => {
  const path = await import('node:path');
  const { loadContent } = await import('../src/io/load-content.ts');
  const { loadPdfAssets } = await import('../src/io/pdf/assets.ts');
  const { buildDpiaDocument } = await import('../src/lib/pdf/dpia-document.ts');
  const { renderDpiaHtml } = await import('../src/lib/pdf/dpia-html.ts');
  const { buildDpiaVersionView } = await import('../src/lib/site/dpia.ts');
  const { ROOT } = await import('./support/run-cli.ts');
  const { content } = await loadContent(path.join(ROOT, 'content'));
  const draft = content.dpia.versions.find((v) => v.meta.version === '2.0')!;

  it('groß × geringfügig one level higher: risk-06, risk-14 and risk-18 high after the measures, Art. 36 would apply', () => {
    const corner = matrixWhatIf(draft)!.cells.find((c) => c.severity === 'gross' && c.likelihood === 'geringfuegig')!;
    expect(corner.after.newlyHigh.map((r) => r.id)).toEqual(['risk-06', 'risk-14', 'risk-18']);
    expect(corner.art36Text).toBe('ja, für risk-06, risk-14 und risk-18');
  });

  it('renders the same cells and texts on the page and in the PDF, and marks the contested cells in both matrices', async () => {
    const page = buildDpiaVersionView(content, '2.0');
    const doc = buildDpiaDocument(content, draft);
    expect(page.whatIf).toEqual(doc.whatIf);
    expect(page.whatIf!.cells.map((c) => c.label)).toEqual([
      'Schwere groß × Wahrscheinlichkeit geringfügig',
      'Schwere geringfügig × Wahrscheinlichkeit groß',
      'Schwere substanziell × Wahrscheinlichkeit geringfügig',
      'Schwere geringfügig × Wahrscheinlichkeit substanziell',
    ]);
    const flagged = (cells: { contested: boolean }[][]) => cells.flat().filter((c) => c.contested).length;
    expect(flagged(page.matrices[1]!.rows.map((r) => r.cells))).toBe(4);
    expect(flagged(doc.matrices[1].rows.map((r) => r.cells))).toBe(4);
    const assets = await loadPdfAssets();
    const html = renderDpiaHtml(doc, assets.templates, assets.dpia);
    const table = html.slice(html.indexOf('<h3 id="lesart">'), html.indexOf('</table>', html.indexOf('<h3 id="lesart">')));
    // Ids never break at their hyphen in the narrow columns.
    expect(table).toContain('neu hoch: <span class="nowrap">risk-06</span>, <span class="nowrap">risk-14</span> und <span class="nowrap">risk-18</span>');
    const section = table.replace(/<[^>]+>/g, '');
    for (const c of doc.whatIf!.cells) {
      expect(section).toContain(c.label);
      expect(section).toContain(c.after.text);
      expect(section).toContain(c.art36Text);
    }
    expect(html.match(/stroke-dasharray="4 3"/g)?.length).toBe(8);
  });

  it('a version without contested cells shows none', () => {
    const adopted = content.dpia.versions.find((v) => v.meta.version === '1.1')!;
    expect(buildDpiaVersionView(content, '1.1').whatIf).toBeUndefined();
    expect(buildDpiaDocument(content, adopted).whatIf).toBeNull();
  });
});
