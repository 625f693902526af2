import { describe, expect, it } from 'vitest';
import { buildChangesView, changesRoutes, comparableText, renderWordDiffHtml } from '../src/lib/site/changes.ts';
import type { Content } from '../src/lib/content-model.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

describe('renderWordDiffHtml', () => {
  it('marks removed and inserted words with <del>/<ins>, visible brackets and screen-reader text', () => {
    expect(renderWordDiffHtml('binnen drei Monaten gelöscht', 'binnen eines Monats gelöscht')).toMatchInlineSnapshot(
      `"<p>binnen <del><span class="diff-marke" aria-hidden="true">[−</span><span class="visually-hidden">Gestrichen: </span>drei Monaten<span class="diff-marke" aria-hidden="true">]</span><span class="visually-hidden"> (Ende der Streichung)</span></del><ins><span class="diff-marke" aria-hidden="true">[+</span><span class="visually-hidden">Eingefügt: </span>eines Monats<span class="diff-marke" aria-hidden="true">]</span><span class="visually-hidden"> (Ende der Einfügung)</span></ins> gelöscht</p>"`,
    );
  });

  it('keeps paragraphs apart, also when an insertion spans two of them, and escapes HTML', () => {
    const html = renderWordDiffHtml('(1) Eins.', '(1) Eins <b>.\n\n(2) Zwei.');
    expect(html.split('</p>\n<p>').length).toBe(2);
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>');
    expect(html.match(/<ins>/g)?.length).toBe(2);
  });

  it('normalises line ends and blank lines before comparing', () => {
    expect(comparableText('(1) A\r\n\r\n\r\n(2) B\n')).toBe('(1) A\n\n(2) B');
  });

  it('an inserted list item or Absatz reads as one insertion; a renumbered Absatz is compared with itself', () => {
    const html = renderWordDiffHtml(
      '(1) Aufgaben:\n\n5. Bereitstellung nach § 21.\n\n(2) Besondere Kategorien werden nicht gespeichert.',
      '(1) Aufgaben:\n\n5. Bereitstellung nach § 21,\n\n6. Berechnung der Elternbeiträge.\n\n(2) Nutzt der Träger das Modul, gilt mehr.\n\n(3) Besondere Kategorien werden nicht gespeichert.',
    );
    expect(html.replace(/<span class="(?:diff-marke|visually-hidden)"[^>]*>[^<]*<\/span>/g, '').split('\n')).toEqual([
      '<p>(1) Aufgaben:</p>',
      '<p>5. Bereitstellung nach § 21<del>.</del><ins>,</ins></p>',
      '<p><ins>6. Berechnung der Elternbeiträge.</ins></p>',
      '<p><ins>(2) Nutzt der Träger das Modul, gilt mehr.</ins></p>',
      '<p>(<del>2</del><ins>3</ins>) Besondere Kategorien werden nicht gespeichert.</p>',
    ]);
  });

  it('says so when only the markup changed, not the words', () => {
    expect(renderWordDiffHtml('(1) Gleich.', '(1) Gleich.')).toBe(
      '<p class="diff-hinweis">Der Wortlaut ist unverändert; geändert ist nur die Auszeichnung (etwa eine Hervorhebung oder ein Verweisziel).</p>\n<p>(1) Gleich.</p>',
    );
  });
});

describe('renderWordDiffHtml for a letter (changedOnly): the changed Absätze, unchanged ones as a line', () => {
  const words = (html: string) => html.replace(/<span class="(?:diff-marke|visually-hidden)"[^>]*>[^<]*<\/span>/g, '').split('\n');
  const absaetze = (texts: string[]) => texts.map((t, i) => `(${i + 1}) ${t}`).join('\n\n');
  const six = ['Eins.', 'Zwei.', 'Drei.', 'Vier.', 'Fünf.', 'Sechs.'];
  const changed = (at: number[]) => six.map((t, i) => (at.includes(i + 1) ? t.replace('.', ' neu.') : t));

  it('one unchanged Absatz between two changed ones: „Abs. 2 unverändert“ (singular)', () => {
    const html = renderWordDiffHtml(absaetze(six.slice(0, 3)), absaetze(changed([1, 3]).slice(0, 3)), { changedOnly: true });
    expect(words(html)).toEqual(['<p>(1) Eins <ins>neu</ins>.</p>', '<p class="diff-unveraendert">Abs.\u00a02 unverändert</p>', '<p>(3) Drei <ins>neu</ins>.</p>']);
  });

  it('several runs, first and last Absatz: „Abs. 1 und 2“, „Abs. 4 bis 6“', () => {
    expect(words(renderWordDiffHtml(absaetze(six), absaetze(changed([3])), { changedOnly: true }))).toEqual([
      '<p class="diff-unveraendert">Abs.\u00a01 und 2 unverändert</p>',
      '<p>(3) Drei <ins>neu</ins>.</p>',
      '<p class="diff-unveraendert">Abs.\u00a04 bis 6 unverändert</p>',
    ]);
    expect(words(renderWordDiffHtml(absaetze(six), absaetze(changed([1, 6])), { changedOnly: true }))).toEqual([
      '<p>(1) Eins <ins>neu</ins>.</p>',
      '<p class="diff-unveraendert">Abs.\u00a02 bis 5 unverändert</p>',
      '<p>(6) Sechs <ins>neu</ins>.</p>',
    ]);
    expect(words(renderWordDiffHtml(absaetze(six), absaetze(changed([2, 5])), { changedOnly: true }))).toEqual([
      '<p class="diff-unveraendert">Abs.\u00a01 unverändert</p>',
      '<p>(2) Zwei <ins>neu</ins>.</p>',
      '<p class="diff-unveraendert">Abs.\u00a03 und 4 unverändert</p>',
      '<p>(5) Fünf <ins>neu</ins>.</p>',
      '<p class="diff-unveraendert">Abs.\u00a06 unverändert</p>',
    ]);
  });

  it('an Absatz is shown with all its list items when one of them changes, collapsed with them when none does', () => {
    const old = '(1) Es gilt:\n\n1. erstens,\n\n2. zweitens.\n\n(2) Danach:\n\n1. drittens.';
    const neu = '(1) Es gilt:\n\n1. erstens,\n\n2. zweitens neu.\n\n(2) Danach:\n\n1. drittens.';
    expect(words(renderWordDiffHtml(old, neu, { changedOnly: true }))).toEqual([
      '<p>(1) Es gilt:</p>',
      '<p>1. erstens,</p>',
      '<p>2. zweitens <ins>neu</ins>.</p>',
      '<p class="diff-unveraendert">Abs.\u00a02 unverändert</p>',
    ]);
  });

  it('an inserted Absatz: the following ones are unchanged under their new number, „(bisher …)“', () => {
    const html = renderWordDiffHtml(absaetze(['Eins.', 'Zwei.', 'Drei.']), absaetze(['Eins.', 'Ganz neu eingefügt.', 'Zwei.', 'Drei.']), { changedOnly: true });
    expect(words(html)).toEqual([
      '<p class="diff-unveraendert">Abs.\u00a01 unverändert</p>',
      '<p><ins>(2) Ganz neu eingefügt.</ins></p>',
      '<p class="diff-unveraendert">Abs.\u00a03 und 4 unverändert (bisher Abs.\u00a02 und 3)</p>',
    ]);
  });

  it('an Absatz whose §-references only follow the renumbering is one line; another change of a reference is shown', () => {
    const renumbering = new Map([[23, 24], [27, 28]]);
    const old = '(1) Eins.\n\n(2) Schnittstellen nach § 23 und §§ 18–27.\n\n(3) Siehe § 23.';
    expect(words(renderWordDiffHtml(old, '(1) Eins.\n\n(2) Schnittstellen nach § 24 und §§ 18–28.\n\n(3) Siehe § 24.', { changedOnly: true, renumbering }))).toEqual([
      '<p class="diff-unveraendert">Abs.\u00a01 unverändert</p>',
      '<p class="diff-unveraendert">Abs.\u00a02 und 3: nur Verweise an die neue Nummerierung angepasst (§\u00a023 → §\u00a024 und §\u00a027 → §\u00a028)</p>',
    ]);
    expect(words(renderWordDiffHtml(old, '(1) Eins.\n\n(2) Schnittstellen nach § 24 und §§ 18–28.\n\n(3) Siehe § 25.', { changedOnly: true, renumbering }))).toEqual([
      '<p class="diff-unveraendert">Abs.\u00a01 unverändert</p>',
      '<p class="diff-unveraendert">Abs.\u00a02: nur Verweise an die neue Nummerierung angepasst (§\u00a023 → §\u00a024 und §\u00a027 → §\u00a028)</p>',
      '<p>(3) Siehe § <del>23</del><ins>25</ins>.</p>',
    ]);
  });

  it('a reference to another law („§ 15 SächsKitaG“) does not follow the renumbering of the agreement', () => {
    const renumbering = new Map([[15, 16], [23, 24]]);
    const old = '(1) Beiträge nach § 15 Abs. 1 S. 2 SächsKitaG, Schnittstellen nach § 23.';
    expect(words(renderWordDiffHtml(old, '(1) Beiträge nach § 15 Abs. 1 S. 2 SächsKitaG, Schnittstellen nach § 24.', { changedOnly: true, renumbering }))).toEqual([
      '<p class="diff-unveraendert">Abs.\u00a01: nur Verweis an die neue Nummerierung angepasst (§\u00a023 → §\u00a024)</p>',
    ]);
    expect(words(renderWordDiffHtml(old, '(1) Beiträge nach § 16 Abs. 1 S. 2 SächsKitaG, Schnittstellen nach § 24.', { changedOnly: true, renumbering }))).toEqual([
      '<p>(1) Beiträge nach § <del>15</del><ins>16</ins> Abs. 1 S. 2 SächsKitaG, Schnittstellen nach § <del>23</del><ins>24</ins>.</p>',
    ]);
  });

  it('without the option (the changes page) every Absatz is shown in full', () => {
    const html = renderWordDiffHtml(absaetze(six), absaetze(changed([3])));
    expect(words(html)).toEqual(['<p>(1) Eins.</p>', '<p>(2) Zwei.</p>', '<p>(3) Drei <ins>neu</ins>.</p>', '<p>(4) Vier.</p>', '<p>(5) Fünf.</p>', '<p>(6) Sechs.</p>']);
    expect(html).not.toContain('unverändert');
  });
});

describe('comparableText: what the reader reads, not the Markdown source', () => {
  it.each([
    ['emphasis', '(1) Daten werden **binnen drei Monaten** gelöscht, _unverzüglich_ *gemeldet*.', '(1) Daten werden binnen drei Monaten gelöscht, unverzüglich gemeldet.'],
    ['link syntax', '(1) Siehe [Anlage 1](https://example.org/anlage-1 "Titel") und <https://example.org>.', '(1) Siehe Anlage 1 und https://example.org.'],
    ['escaped characters', '(1) 5\\. Auflage, \\*kein\\* Stern, a\\_b.', '(1) 5. Auflage, *kein* Stern, a_b.'],
    ['line breaks of the source', '(1) Der Auftragsverarbeiter\nlöscht die Daten\n  binnen eines Monats.', '(1) Der Auftragsverarbeiter löscht die Daten binnen eines Monats.'],
    ['a hard line break stays a line', '(1) Erste Zeile\\\nzweite Zeile', '(1) Erste Zeile\nzweite Zeile'],
    ['list items, each a block with its marker', '(1) Es gilt:\n\n1. erstens\n2. **zweitens**\n\n- Punkt', '(1) Es gilt:\n\n1. erstens\n\n2. zweitens\n\n• Punkt'],
  ])('%s', (_, source, text) => {
    expect(comparableText(source)).toBe(text);
  });

  it('the word diff of a change inside emphasis and a link shows words only', () => {
    const from = '(1) Daten werden **binnen drei Monaten** nach [Vertragsende](https://example.org/ende)\ngelöscht.';
    const to = '(1) Daten werden **binnen eines Monats** nach [Ende des Vertrags](https://example.org/ende) gelöscht.';
    const html = renderWordDiffHtml(comparableText(from), comparableText(to));
    expect(html).not.toMatch(/\*\*|\]\(|https:|<br>/);
    expect(html).toContain('binnen <del>');
    expect(html.replace(/<span class="(?:diff-marke|visually-hidden)"[^>]*>[^<]*<\/span>/g, '')).toBe(
      '<p>(1) Daten werden binnen <del>drei Monaten</del><ins>eines Monats</ins> nach <del>Vertragsende</del><ins>Ende des Vertrags</ins> gelöscht.</p>',
    );
  });
});

describe('buildChangesView', () => {
  it('lists one changed § with a word diff, and the unchanged ones', async () => {
    const content = await loadSiteFixture();
    expect(changesRoutes(content)).toEqual([{ agreement: 'muster', from: '1.0', to: '1.1' }]);
    const view = buildChangesView(content, 'muster', '1.0', '1.1');
    expect(view.summary.map((s) => [s.sectionLabels, s.text, s.reason])).toEqual([[['§\u00a03 Löschung und Kontrollen'], 'Löschfristen verkürzt', 'Drei Monate waren länger als nötig.']]);
    expect(view.counts.map((c) => `${c.label}: ${c.count}`)).toEqual(['Neu: 0', 'Geändert: 1', 'Nur neu nummeriert: 0', 'Entfallen: 0']);
    const [entry] = view.entries;
    expect(entry).toMatchObject({ kind: 'geaendert', tone: 'warn', sectionId: 'loeschung', anchor: 'aenderung-loeschung', newLabel: '§\u00a03' });
    expect(entry!.diffHtml).toContain('<del>');
    expect(entry!.diffHtml).toContain('drei Monaten');
    expect(entry!.newHref).toBe('/vereinbarung/muster/1.1/#loeschung');
    expect(view.unchanged.map((l) => l.label)).toEqual([
      '§\u00a01 Gegenstand',
      '§\u00a02 Sicherheit der Verarbeitung',
      '§\u00a04 Aufsicht (Fassung für Träger unter DSGVO)',
      '§\u00a04 Aufsicht (Fassung für Träger unter KDG und DSG-EKD)',
    ]);
  });

  it('finds added, removed, renumbered and regime-specific changes', async () => {
    const content: Content = await loadSiteFixture();
    const agreement = content.agreements[0]!;
    const [v10, v11] = agreement.versions as [(typeof agreement.versions)[0], (typeof agreement.versions)[0]];
    // 1.1: a new § 1, the old §§ shift by one, „Löschung“ is gone, the church text of „Aufsicht“ changes.
    v11.sections = [
      { ...v10.sections[0]!, id: 'praeambel', number: 1, title: 'Präambel', body: '(1) Neu.' },
      ...v10.sections
        .filter((s) => s.id !== 'loeschung')
        .map((s) => ({ ...s, number: s.number + 1, body: s.regimes.includes('kdg') && s.id === 'aufsicht' ? '(1) Zuständig ist die Datenschutzaufsicht der Kirche.' : s.body })),
    ];
    const view = buildChangesView(content, 'muster', '1.0', '1.1');
    expect(view.entries.map((e) => `${e.kind} ${e.oldLabel ?? '–'}→${e.newLabel ?? '–'} ${e.title}${e.regimeNote ? ` (${e.regimeNote})` : ''}`)).toEqual([
      'neu –→§\u00a01 Präambel',
      'nummer §\u00a01→§\u00a02 Gegenstand',
      'nummer §\u00a02→§\u00a03 Sicherheit der Verarbeitung',
      'entfallen §\u00a03→– Löschung und Kontrollen',
      'nummer §\u00a04→§\u00a05 Aufsicht (Fassung für Träger unter DSGVO)',
      'geaendert §\u00a04→§\u00a05 Aufsicht (Fassung für Träger unter KDG und DSG-EKD)',
    ]);
    expect(view.entries[0]!.textHtml).toContain('Neu.');
    expect(view.entries[1]!.renumbered).toBe('§\u00a01 → §\u00a02');
  });
});
