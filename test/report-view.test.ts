import { describe, expect, it } from 'vitest';
import type { Content } from '../src/lib/content-model.ts';
import { renderReportMdast } from '../src/lib/report/mdast.ts';
import { renderReportBodyHtml, renderReportHtml, renderReportMarkdown } from '../src/lib/report/render.ts';
import { buildBeschlusskontrolleView, ReportError, type KeyFigures } from '../src/lib/report/view.ts';
import type { AgreementEntry } from '../src/lib/content-model.ts';
import type { SigningFigures } from '../src/lib/signing/figures.ts';
import { figureSentences } from '../src/lib/signing/sentences.ts';
import { formatPaperNumber, PARTY_WORDS } from '../src/lib/parties/words.ts';
import { runRules } from '../src/validate/index.ts';
import { applyEdits, parseTree, validFixture, type FileEdit } from './support/content-variants.ts';

/** Events on fixed days, so each boundary can be checked the day before, on the day and after. */
const BOUNDARY_LEDGER = `agreement: muster
entries:
  - party: traeger-001
    version: "1.0"
    offered: 2022-04-04
    signed: 2022-05-12
    form: schriftlich
    signatory: { name: Erika Beispiel, function: Geschäftsführerin }
    withdrawn: 2022-09-01
  - party: traeger-001
    version: "1.1"
    offered: 2023-06-05
    signed: 2023-06-30
    form: elektronisch
    signatory: { name: Erika Beispiel, function: Geschäftsführerin }
  - party: traeger-002
    version: "1.0"
    offered: 2022-04-11
    intent: 2022-04-20
    declined: 2022-06-15
`;

function contentWith(edits: FileEdit[]): Content {
  const { content, diagnostics } = parseTree(applyEdits(validFixture(), edits));
  const errors = [...diagnostics, ...runRules(content)].filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  return content;
}

const fixture = contentWith([]);
const boundary = contentWith([{ file: 'ledger/muster.yaml', write: BOUNDARY_LEDGER }]);

const figuresLine = (f: KeyFigures) =>
  `angeboten ${f.offered}, unterzeichnet ${f.bound}, Absicht ${f.intent}, abgelehnt ${f.declined}, gekündigt ${f.ended}, offen ${f.open}, ohne Angebot ${f.notOffered}`;

describe('figures of the fixture', () => {
  it('counts eligible providers only (traeger-003 has no facility in the Bedarfsplan)', () => {
    const view = buildBeschlusskontrolleView(fixture);
    expect(view.asOf).toBe('2022-08-24');
    expect(view.figures?.eligible).toBe(2);
    expect(figuresLine(view.figures!)).toBe('angeboten 2, unterzeichnet 1, Absicht 1, abgelehnt 0, gekündigt 0, offen 1, ohne Angebot 0');
    expect(view.figures?.placesBound).toBe(80);
    expect(view.figures?.placesEligible).toBe(140);
    expect(view.figures?.byRegime).toEqual({ dsgvo: { eligible: 1, bound: 1 }, kdg: { eligible: 1, bound: 0 }, 'dsg-ekd': { eligible: 0, bound: 0 } });
  });
});

describe('as-of boundaries: an event counts from its own day on', () => {
  it.each([
    ['offer', 'day before', '2022-04-10', 'angeboten 1, unterzeichnet 0, Absicht 0, abgelehnt 0, gekündigt 0, offen 1, ohne Angebot 1'],
    ['offer', 'same day', '2022-04-11', 'angeboten 2, unterzeichnet 0, Absicht 0, abgelehnt 0, gekündigt 0, offen 2, ohne Angebot 0'],
    ['offer', 'day after', '2022-04-12', 'angeboten 2, unterzeichnet 0, Absicht 0, abgelehnt 0, gekündigt 0, offen 2, ohne Angebot 0'],
    ['intent', 'day before', '2022-04-19', 'angeboten 2, unterzeichnet 0, Absicht 0, abgelehnt 0, gekündigt 0, offen 2, ohne Angebot 0'],
    ['intent', 'same day', '2022-04-20', 'angeboten 2, unterzeichnet 0, Absicht 1, abgelehnt 0, gekündigt 0, offen 2, ohne Angebot 0'],
    ['intent', 'day after', '2022-04-21', 'angeboten 2, unterzeichnet 0, Absicht 1, abgelehnt 0, gekündigt 0, offen 2, ohne Angebot 0'],
    ['sign', 'day before', '2022-05-11', 'angeboten 2, unterzeichnet 0, Absicht 1, abgelehnt 0, gekündigt 0, offen 2, ohne Angebot 0'],
    ['sign', 'same day', '2022-05-12', 'angeboten 2, unterzeichnet 1, Absicht 1, abgelehnt 0, gekündigt 0, offen 1, ohne Angebot 0'],
    ['sign', 'day after', '2022-05-13', 'angeboten 2, unterzeichnet 1, Absicht 1, abgelehnt 0, gekündigt 0, offen 1, ohne Angebot 0'],
    ['decline', 'day before', '2022-06-14', 'angeboten 2, unterzeichnet 1, Absicht 1, abgelehnt 0, gekündigt 0, offen 1, ohne Angebot 0'],
    ['decline', 'same day', '2022-06-15', 'angeboten 2, unterzeichnet 1, Absicht 0, abgelehnt 1, gekündigt 0, offen 0, ohne Angebot 0'],
    ['decline', 'day after', '2022-06-16', 'angeboten 2, unterzeichnet 1, Absicht 0, abgelehnt 1, gekündigt 0, offen 0, ohne Angebot 0'],
    ['withdraw', 'day before', '2022-08-31', 'angeboten 2, unterzeichnet 1, Absicht 0, abgelehnt 1, gekündigt 0, offen 0, ohne Angebot 0'],
    ['withdraw', 'same day', '2022-09-01', 'angeboten 2, unterzeichnet 0, Absicht 0, abgelehnt 1, gekündigt 1, offen 0, ohne Angebot 0'],
    ['withdraw', 'day after', '2022-09-02', 'angeboten 2, unterzeichnet 0, Absicht 0, abgelehnt 1, gekündigt 1, offen 0, ohne Angebot 0'],
  ])('%s, %s (%s)', (_event, _when, asOf, expected) => {
    const view = buildBeschlusskontrolleView(boundary, { asOf });
    expect(figuresLine(view.figures!)).toBe(expected);
    // The last row of the timeline table is the as-of day itself and agrees with the figures.
    const last = view.timeline!.table.rows.at(-1)!;
    expect(last[0]).toBe(asOf.split('-').reverse().join('.'));
    expect(last[1]).toBe(String(view.figures!.bound));
  });

  it('the chart stops at the as-of day: a later signature is not drawn', () => {
    const before = buildBeschlusskontrolleView(boundary, { asOf: '2022-05-11' });
    const on = buildBeschlusskontrolleView(boundary, { asOf: '2022-05-12' });
    expect(before.timeline!.chart!.series[0]!.end.label).toBe('Fassung 1.0: 0');
    expect(on.timeline!.chart!.series[0]!.end.label).toBe('Fassung 1.0: 1');
  });
});

describe('final and interim wording', () => {
  it.each([
    ['2022-03-30', false, 'the framework agreement is not adopted yet'],
    ['2022-04-10', false, 'one provider has no offer yet'],
    ['2022-06-14', false, 'one offer is still open (intent only)'],
    ['2022-06-15', true, 'every offer is answered'],
    ['2022-09-01', true, 'a withdrawal is an answer too'],
  ])('%s → final %s (%s)', (asOf, final) => {
    const view = buildBeschlusskontrolleView(boundary, { asOf });
    expect(view.final).toBe(final);
    const md = renderReportMarkdown(view);
    expect(md.includes('folgender abschließender Stand')).toBe(final);
    expect(md.includes('folgender Zwischenstand')).toBe(!final);
    expect(md.includes('Über den weiteren Stand wird erneut berichtet.')).toBe(!final);
  });

  it.each([
    ['abschliessend', '2022-08-24', false, true, 'recorded final although an offer is still open'],
    ['zwischenstand', '2022-08-24', true, false, 'recorded interim although every offer is answered'],
    ['zwischenstand', '2022-06-15', true, true, 'another date has no record: every offer answered makes it final'],
  ] as const)('recorded stand %s, report for %s (all answered: %s) → final %s (%s)', (stand, asOf, answered, final, _why) => {
    const content = contentWith([
      { file: 'council/council.yaml', replace: '    session: JHA/001/2022\n    date: 2022-08-24', with: `    session: JHA/001/2022\n    date: 2022-08-24\n    stand: ${stand}` },
      ...(answered ? [{ file: 'ledger/muster.yaml', write: BOUNDARY_LEDGER }] : []),
    ]);
    const view = buildBeschlusskontrolleView(content, { asOf });
    expect(view.final).toBe(final);
    expect(renderReportMarkdown(view).includes('folgender abschließender Stand kann zu oben genanntem Beschluss gegeben werden:')).toBe(final);
  });

  it('says when the framework agreement is not adopted yet and when the offer is not sent', () => {
    const md = renderReportMarkdown(buildBeschlusskontrolleView(boundary, { asOf: '2022-03-30' }));
    expect(md).toContain('Der Beschluss über die Mustervereinbarung über die gemeinsame Nutzung einer Software steht am 30.\u00a0März 2022 noch aus.');
    expect(md).toContain('Das Angebot an die Träger ist am 30.\u00a0März 2022 noch nicht versandt.');
  });
});

describe('German singular and plural', () => {
  /** Figures as the domain returns them, from the counts a case names (terminations end on 1 September 2022). */
  type Counts = { eligible?: number; offered?: number; signed?: number; intent?: number; declined?: number; withdrawn?: number; terminating?: number; open?: number; whileBound?: number; notOffered?: number; split?: readonly number[] };
  const figuresOf = (c: Counts): SigningFigures => {
    const termination = { declared: '2022-06-01', endsOn: '2022-09-01' };
    const zero = { eligible: 0, bound: 0 };
    return {
      agreementId: 'muster',
      asOf: '2022-09-01',
      currentVersion: '1.0',
      eligible: c.eligible ?? 0,
      bound: c.signed ?? 0,
      boundByVersion: c.split ? c.split.map((bound, i) => ({ version: `1.${c.split!.length - 1 - i}`, bound })) : [{ version: '1.0', bound: c.signed ?? 0 }],
      terminating: Array.from({ length: c.terminating ?? 0 }, (_, i) => ({ party: `t-${i}`, termination })),
      ended: Array.from({ length: c.withdrawn ?? 0 }, (_, i) => ({ party: `e-${i}`, termination })),
      open: c.open ?? 0,
      intent: c.intent ?? 0,
      noAnswer: (c.open ?? 0) - (c.intent ?? 0),
      openOffers: { total: (c.open ?? 0) + (c.whileBound ?? 0), unbound: c.open ?? 0, whileBound: c.whileBound ?? 0, afterEnd: 0 },
      declined: c.declined ?? 0,
      notOffered: c.notOffered ?? 0,
      offered: c.offered ?? 0,
      offers: [],
      placesEligible: 0,
      placesBound: 0,
      byRegime: { dsgvo: zero, kdg: zero, 'dsg-ekd': zero },
      parties: [],
    };
  };
  const N = '\u00a0';
  it.each([
    ['traeger', { eligible: 1, offered: 1, signed: 1 }, `Von einem Träger, der Einrichtungen im Bedarfsplan 2021/2022 betreibt, hat 1 Träger (100,0${N}%) die Vereinbarung unterzeichnet. Damit ist kein Angebot mehr offen.`],
    ['traeger', { eligible: 2, offered: 2, signed: 0, intent: 1, open: 2 }, 'Von 2 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, hat bisher keiner die Vereinbarung unterzeichnet. Ein Träger hat signalisiert, die Vereinbarung abschließen zu wollen; von einem Träger liegt noch keine Antwort vor. Insgesamt sind 2 Angebote noch offen.'],
    ['traeger', { eligible: 87, offered: 87, signed: 51, intent: 6, declined: 1, open: 35 }, `Von 87 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, haben 51 Träger (58,6${N}%) die Vereinbarung unterzeichnet. Sechs weitere Träger haben signalisiert, die Vereinbarung abschließen zu wollen; von 29 Trägern liegt noch keine Antwort vor. Ein Träger hat den Abschluss abgelehnt. Insgesamt sind 35 Angebote noch offen.`],
    ['traeger', { eligible: 3, offered: 1, signed: 1, intent: 1, open: 0, notOffered: 2 }, `Von 3 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, hat 1 Träger (33,3${N}%) die Vereinbarung unterzeichnet. Ein weiterer Träger hat signalisiert, die Vereinbarung abschließen zu wollen. Zwei Trägern wurde die Vereinbarung noch nicht angeboten.`],
    ['traeger', { eligible: 3, offered: 2, signed: 0, declined: 1, open: 1, notOffered: 1 }, 'Von 3 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, hat bisher keiner die Vereinbarung unterzeichnet. Von einem Träger liegt noch keine Antwort vor. Ein Träger hat den Abschluss abgelehnt. Einem Träger wurde die Vereinbarung noch nicht angeboten. Insgesamt ist 1 Angebot noch offen.'],
    ['traeger', { eligible: 5, offered: 5, signed: 2, declined: 2, withdrawn: 1, open: 0 }, `Von 5 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, haben 2 Träger (40,0${N}%) die Vereinbarung unterzeichnet. Zwei Träger haben den Abschluss abgelehnt. Für einen Träger ist die Vereinbarung nach seiner Kündigung am 1.${N}September 2022 ausgelaufen. Damit ist kein Angebot mehr offen.`],
    ['traeger', { eligible: 87, offered: 87, signed: 72, split: [57, 15], terminating: 1, intent: 2, declined: 2, open: 12, withdrawn: 1 }, `Von 87 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, haben 72 Träger (82,8${N}%) die Vereinbarung unterzeichnet. Für 57 von ihnen gilt die Fassung 1.1 und für 15 noch die Fassung 1.0. Zwei weitere Träger haben signalisiert, die Vereinbarung abschließen zu wollen; von 10 Trägern liegt noch keine Antwort vor. Zwei Träger haben den Abschluss abgelehnt. Ein Träger hat die Vereinbarung zum 1.${N}September 2022 gekündigt; bis dahin gilt sie weiter. Für einen Träger ist die Vereinbarung nach seiner Kündigung am 1.${N}September 2022 ausgelaufen. Insgesamt sind 12 Angebote noch offen.`],
    ['kindertagespflege', { eligible: 3, offered: 3, signed: 2, split: [1, 1], withdrawn: 1, open: 0 }, `Von 3 Kindertagespflegepersonen, die in den Bedarfsplan 2021/2022 aufgenommen sind, haben 2 Kindertagespflegepersonen (66,7${N}%) die Vereinbarung unterzeichnet. Für eine von ihnen gilt die Fassung 1.1 und für eine noch die Fassung 1.0. Für eine Kindertagespflegeperson ist die Vereinbarung nach ihrer Kündigung am 1.${N}September 2022 ausgelaufen. Damit ist kein Angebot mehr offen.`],
    ['traeger', { eligible: 0 }, 'Im Bedarfsplan 2021/2022 ist kein Träger verzeichnet.'],
    ['kindertagespflege', { eligible: 1, offered: 1, signed: 0, intent: 1, open: 1 }, 'Von einer Kindertagespflegeperson, die in den Bedarfsplan 2021/2022 aufgenommen ist, hat bisher keine die Vereinbarung unterzeichnet. Eine Kindertagespflegeperson hat signalisiert, die Vereinbarung abschließen zu wollen. Insgesamt ist 1 Angebot noch offen.'],
    ['kindertagespflege', { eligible: 28, offered: 28, signed: 9, intent: 2, withdrawn: 2, open: 17 }, `Von 28 Kindertagespflegepersonen, die in den Bedarfsplan 2021/2022 aufgenommen sind, haben 9 Kindertagespflegepersonen (32,1${N}%) die Vereinbarung unterzeichnet. Zwei weitere Kindertagespflegepersonen haben signalisiert, die Vereinbarung abschließen zu wollen; von 15 Kindertagespflegepersonen liegt noch keine Antwort vor. Für 2 Kindertagespflegepersonen ist die Vereinbarung nach ihrer Kündigung am 1.${N}September 2022 ausgelaufen. Insgesamt sind 17 Angebote noch offen.`],
    ['kindertagespflege', { eligible: 2, offered: 2, signed: 1, intent: 1, open: 1 }, `Von 2 Kindertagespflegepersonen, die in den Bedarfsplan 2021/2022 aufgenommen sind, hat 1 Kindertagespflegeperson (50,0${N}%) die Vereinbarung unterzeichnet. Eine weitere Kindertagespflegeperson hat signalisiert, die Vereinbarung abschließen zu wollen. Insgesamt ist 1 Angebot noch offen.`],
    ['kindertagespflege', { eligible: 0 }, 'Im Bedarfsplan 2021/2022 ist keine Kindertagespflegeperson verzeichnet.'],
    // Open offers of a newer version to parties still bound by an older one: part of the total, never more than it.
    ['traeger', { eligible: 87, offered: 87, signed: 72, split: [57, 15], intent: 2, declined: 2, open: 12, whileBound: 15, withdrawn: 1 }, `Von 87 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, haben 72 Träger (82,8${N}%) die Vereinbarung unterzeichnet. Für 57 von ihnen gilt die Fassung 1.1 und für 15 noch die Fassung 1.0. Zwei weitere Träger haben signalisiert, die Vereinbarung abschließen zu wollen; von 10 Trägern liegt noch keine Antwort vor. Zwei Träger haben den Abschluss abgelehnt. Für einen Träger ist die Vereinbarung nach seiner Kündigung am 1.${N}September 2022 ausgelaufen. Insgesamt sind 27 Angebote noch offen: 12 an Träger ohne Vereinbarung und 15 an Träger, die noch an eine ältere Fassung gebunden sind.`],
    ['traeger', { eligible: 2, offered: 2, signed: 2, split: [1, 1], open: 0, whileBound: 1 }, `Von 2 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, haben 2 Träger (100,0${N}%) die Vereinbarung unterzeichnet. Für einen von ihnen gilt die Fassung 1.1 und für einen noch die Fassung 1.0. Insgesamt ist 1 Angebot noch offen: eines an einen Träger, der noch an eine ältere Fassung gebunden ist.`],
    ['kindertagespflege', { eligible: 3, offered: 3, signed: 2, split: [1, 1], intent: 1, open: 1, whileBound: 1 }, `Von 3 Kindertagespflegepersonen, die in den Bedarfsplan 2021/2022 aufgenommen sind, haben 2 Kindertagespflegepersonen (66,7${N}%) die Vereinbarung unterzeichnet. Für eine von ihnen gilt die Fassung 1.1 und für eine noch die Fassung 1.0. Eine weitere Kindertagespflegeperson hat signalisiert, die Vereinbarung abschließen zu wollen. Insgesamt sind 2 Angebote noch offen: eines an eine Kindertagespflegeperson ohne Vereinbarung und eines an eine Kindertagespflegeperson, die noch an eine ältere Fassung gebunden ist.`],
  ] as const)('%s %o', (kind, figures, expected) => {
    const agreement = { party_kind: kind, bedarfsplan: '2021/2022' } as AgreementEntry;
    expect(figureSentences(agreement, figuresOf(figures)).join(' ')).toBe(expected);
  });
});

describe('letter', () => {
  it('writes the paper number with a (non-breaking) space after the letter', () => {
    expect(formatPaperNumber('A0311/22')).toBe('A\u00a00311/22');
    expect(buildBeschlusskontrolleView(fixture).letter.subject).toBe('Beschlusskontrolle zu A\u00a00001/22 (Sitzungsnummer: JHA/001/2022)');
  });

  it('renders the fixture as Markdown', () => {
    expect(renderReportMarkdown(buildBeschlusskontrolleView(fixture))).toMatchInlineSnapshot(`
      "**Mitteilung**

      Landeshauptstadt Musterstadt\\
      Geschäftsbereich Bildung und Jugend

      An alle Fraktionen sowie Mitglieder des Stadtrates

      Datum: 24. August 2022

      # Beschlusskontrolle zu A 0001/22 (Sitzungsnummer: JHA/001/2022)

      **Mustervereinbarung**

      Sehr geehrte Fraktionen und Mitglieder des Stadtrates,

      folgender Zwischenstand kann zu oben genanntem Beschluss gegeben werden:

      ## Beschlusspunkt 1

      > „Der Jugendhilfeausschuss beschließt die Mustervereinbarung.“

      Der Jugendhilfeausschuss hat die Mustervereinbarung über die gemeinsame Nutzung einer Software in der Sitzung am 31. März 2022 beschlossen.

      ## Beschlusspunkt 2

      > „Der Oberbürgermeister schließt Einzelvereinbarungen ab.“

      Mit Schreiben vom 4. April 2022 wurde allen berechtigten Trägern angeboten, auf Grundlage der beschlossenen Rahmenvereinbarung eine individualrechtliche Vereinbarung abzuschließen. Das Schreiben wies darauf hin, dass die Teilnahme freiwillig ist und die Landeshauptstadt Musterstadt niemanden zum Abschluss verpflichtet.

      Von 2 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, hat 1 Träger (50,0 %) die Vereinbarung unterzeichnet. Ein weiterer Träger hat signalisiert, die Vereinbarung abschließen zu wollen. Insgesamt ist 1 Angebot noch offen.

      **Zeichnungsstand am 24. August 2022 (Fassung 1.0)**

      | Kennzahl                                   | Anzahl |  Anteil |
      | :----------------------------------------- | -----: | ------: |
      | Berechtigte Träger (Bedarfsplan 2021/2022) |      2 | 100,0 % |
      | Unterzeichnet, Vereinbarung gilt           |      1 |  50,0 % |
      | Ohne Vereinbarung, Angebot offen           |      1 |  50,0 % |
      | davon Absicht erklärt                      |      1 |  50,0 % |
      | davon keine Antwort                        |      0 |   0,0 % |
      | Abgelehnt                                  |      0 |   0,0 % |

      Der unterzeichnende Träger betreibt 80 von 140 Plätzen im Bedarfsplan 2021/2022; das ist ein Anteil von 57,1 %.

      **Unterzeichnet nach dem Datenschutzrecht der Träger**

      | Datenschutzrecht                    | Berechtigt | Unterzeichnet |  Anteil |
      | :---------------------------------- | ---------: | ------------: | ------: |
      | DSGVO                               |          1 |             1 | 100,0 % |
      | KDG (katholisches Datenschutzrecht) |          1 |             0 |   0,0 % |

      ## Verlauf der Unterzeichnungen

      Eine Unterschrift zählt ab dem Tag, an dem sie geleistet wurde; wer eine neuere Fassung unterzeichnet, zählt von da an bei dieser. Eine Kündigung zählt erst, wenn ihre Frist abgelaufen ist.

      **Gültige Unterschriften am Monatsende, zuletzt am 24. August 2022 (2 berechtigte Träger)**

      | Stand      | Unterzeichnet | Anteil |
      | :--------- | ------------: | -----: |
      | 30.04.2022 |             0 |  0,0 % |
      | 31.05.2022 |             1 | 50,0 % |
      | 30.06.2022 |             1 | 50,0 % |
      | 31.07.2022 |             1 | 50,0 % |
      | 24.08.2022 |             1 | 50,0 % |

      Über den weiteren Stand wird erneut berichtet.

      Mit freundlichen Grüßen

      Geschäftsbereich Bildung und Jugend
      "
    `);
  });

  it('reports the re-signing of a later version once it is adopted', () => {
    const before = renderReportMarkdown(buildBeschlusskontrolleView(boundary, { asOf: '2023-05-10' }));
    expect(before).not.toContain('Fassung 1.1');
    const md = renderReportMarkdown(buildBeschlusskontrolleView(boundary, { asOf: '2023-06-30' }));
    const start = md.indexOf('Am 11.');
    expect(md.slice(start, md.indexOf('## Verlauf'))).toMatchInlineSnapshot(`
      "Am 11. Mai 2023 hat der Jugendhilfeausschuss die geänderte Fassung 1.1 der Vereinbarung beschlossen (V 0002/23). Zur erneuten Unterzeichnung angeboten wurde sie 1 von 2 Trägern; 1 Träger hat sie unterzeichnet.

      **Stand je Fassung am 30. Juni 2023**

      | Fassung | Beschlossen | Angeboten | Unterzeichnet | Offen | Abgelehnt | Gilt für |
      | :------ | :---------- | --------: | ------------: | ----: | --------: | -------: |
      | 1.0     | 31.03.2022  |         2 |             1 |     0 |         1 |        0 |
      | 1.1     | 11.05.2023  |         1 |             1 |     0 |         0 |        1 |

      "
    `);
  });

  it('shows no names: neither signatories nor contacts nor childminders', () => {
    for (const asOf of ['2022-08-24', '2023-12-31']) {
      const view = buildBeschlusskontrolleView(fixture, { asOf });
      const text = renderReportMarkdown(view) + renderReportHtml(view) + JSON.stringify(view);
      for (const name of ['Erika Beispiel', 'Paul Probe', 'Maria Tagesmutter', 'Geschäftsführerin', 'Pfarrer']) expect(text).not.toContain(name);
    }
  });

  it('is deterministic: the same content gives the same bytes', () => {
    const a = buildBeschlusskontrolleView(fixture);
    const b = buildBeschlusskontrolleView(contentWith([]));
    expect(renderReportMarkdown(b)).toBe(renderReportMarkdown(a));
    expect(renderReportHtml(b, { fontCss: '/* f */' })).toBe(renderReportHtml(a, { fontCss: '/* f */' }));
  });

  it('builds Markdown and HTML from one mdast tree', () => {
    const view = buildBeschlusskontrolleView(fixture);
    const tree = renderReportMdast(view);
    expect(tree.children.filter((n) => n.type === 'heading').length).toBe(4);
    const html = renderReportBodyHtml(view);
    expect(html.match(/<h[12][ >]/g)?.length).toBe(4);
    expect(html.match(/<table>/g)?.length).toBe(3);
    expect(html.match(/<caption>/g)?.length).toBe(3);
    expect(html).not.toMatch(/\balign=/);
    expect(html).toContain('<td class="zahl">');
    // The figure is named by the chart's title and description: in the PDF that is the Figure's alternative text (PDF/UA).
    expect(html).toMatch(/<figure class="verlauf-diagramm" aria-labelledby="verlauf-diagramm-titel verlauf-diagramm-beschreibung"><svg class="diagramm"[^>]*role="img" aria-labelledby="verlauf-diagramm-titel verlauf-diagramm-beschreibung"/);
    // The chart comes before the table that is its text alternative.
    expect(html.indexOf('<svg')).toBeLessThan(html.lastIndexOf('<table>'));
  });

  it('is a complete page that requests nothing from elsewhere', () => {
    const html = renderReportHtml(buildBeschlusskontrolleView(fixture));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="de">')).toBe(true);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('<script');
    expect(html).toContain('<title>Beschlusskontrolle A\u00a00001/22 – 24.\u00a0August 2022</title>');
  });
});

describe('errors', () => {
  it.each([
    [{ agreementId: 'gibt-es-nicht' }, 2, 'Die Vereinbarung „gibt-es-nicht“ gibt es nicht. Vorhandene Vereinbarungen: „muster“.'],
  ])('%o → exit %i', (options, exitCode, message) => {
    const error = (() => {
      try {
        buildBeschlusskontrolleView(fixture, options);
      } catch (e) {
        return e as ReportError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(ReportError);
    expect(error.exitCode).toBe(exitCode);
    expect(error.message).toBe(message);
  });

  it('signs with the sender, and with the signing function above it when the content gives one', () => {
    expect(renderReportMarkdown(buildBeschlusskontrolleView(contentWith([])))).toMatch(/Mit freundlichen Grüßen\n\nGeschäftsbereich Bildung und Jugend\n$/);
    const signed = contentWith([
      { file: 'council/council.yaml', replace: '    sender: Geschäftsbereich Bildung und Jugend', with: '    sender: Geschäftsbereich Bildung und Jugend\n    signed_by: Beigeordneter für Bildung und Jugend' },
    ]);
    expect(renderReportMarkdown(buildBeschlusskontrolleView(signed))).toMatch(/Mit freundlichen Grüßen\n\nBeigeordneter für Bildung und Jugend\\\nGeschäftsbereich Bildung und Jugend\n$/);
  });

  it('needs a Beschlusskontrolle entry for the default date', () => {
    const content = contentWith([{ file: 'council/council.yaml', replace: 'beschlusskontrolle:\n  - paper: A0001/22', with: 'beschlusskontrolle:\n  - paper: V0002/23' }]);
    expect(() => buildBeschlusskontrolleView(content)).toThrowErrorMatchingInlineSnapshot(`
      [Error: Für die Vereinbarung „muster“ ist keine Beschlusskontrolle eingetragen (content/council/council.yaml, Abschnitt „beschlusskontrolle“ mit „paper: A0001/22“).
        → Tragen Sie Absender, Empfänger, Sitzungsnummer und Datum dort ein; das Muster steht in content/council/README.md.]
    `);
  });
});
