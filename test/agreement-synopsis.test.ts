import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import {
  changedWordShare,
  comparableText,
  compareAbsaetze,
  compareVersionSections,
  renderWordDiffHtml,
  renumberingOf,
  REWRITE_MIN_WORDS,
  REWRITE_THRESHOLD,
  type AbsatzComparison,
} from '../src/lib/agreement/compare.ts';
import { buildSynopsis, synopsisParagraphsText, type SynopsisSection } from '../src/lib/agreement/synopsis.ts';
import { comparisonPairs } from '../src/lib/agreement/versions.ts';
import type { AgreementEntry, Content, Version } from '../src/lib/content-model.ts';
import { parseContent } from '../src/lib/parse-content.ts';
import { legalSpaces } from '../src/lib/format.ts';
import { buildChangesView } from '../src/lib/site/changes.ts';
import { buildSynopsisView } from '../src/lib/site/synopsis.ts';
import { applyEdits, toContentFiles, validFixture } from './support/content-variants.ts';
import { draftEdits } from './support/draft-fixture.ts';
import { ROOT } from './support/run-cli.ts';

let content: Content;
let kp: AgreementEntry;
const version = (v: string) => kp.versions.find((x) => x.version === v)!;

beforeAll(async () => {
  const loaded = await loadContent(path.join(ROOT, 'content'));
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  content = loaded.content;
  kp = content.agreements.find((a) => a.id === 'kita-planer-2')!;
});

/** The readings of a § in two versions, as the comparison sees them (the reading for `regime`). */
function reading(from: Version, to: Version, id: string, regime = 'dsgvo') {
  return compareVersionSections(from, to).find((c) => c.id === id && c.regimes.includes(regime as 'dsgvo'))!;
}

const absatz = (list: AbsatzComparison[], newNo: number) => list.find((a) => a.newNo === newNo)!;
const text = (a: AbsatzComparison, side: 'old' | 'neu') => a.blocks.map((b) => b[side]).filter((t) => t !== undefined).join('\n\n');
/** The HTML without the bracket markers and screen-reader words, to compare words. */
const words = (html: string) => spaces(html.replace(/<span class="(?:diff-marke|visually-hidden)"[^>]*>[^<]*<\/span>/g, ''));
/** The content writes „§ 5“ and „Abs. 2“ with a no-break space; the expectations here with a plain one. */
const spaces = (s: string) => s.replace(/\u00a0/g, ' ');
const plain = <T,>(value: T): T => JSON.parse(spaces(JSON.stringify(value))) as T;

describe('a rewritten Absatz reads as text (REWRITE_THRESHOLD)', () => {
  it('§ 7 Abs. 5 of kita-planer-2 1.1 → 1.2 counts as rewritten: most of its words changed', () => {
    const c = reading(version('1.1'), version('1.2'), 'weisungen');
    const abs5 = absatz(compareAbsaetze(c.oldText!, c.newText!, renumberingOf(version('1.1'), version('1.2'))), 5);
    expect(abs5.state).toBe('neu-gefasst');
    expect(changedWordShare(text(abs5, 'old'), text(abs5, 'neu'))).toBeGreaterThan(REWRITE_THRESHOLD);
  });

  it('the changes page shows § 7 Abs. 5 whole, old and new, and no word fragments of it', () => {
    const entry = buildChangesView(content, 'kita-planer-2', '1.1', '1.2').entries.find((e) => e.sectionId === 'weisungen')!;
    const c = reading(version('1.1'), version('1.2'), 'weisungen');
    const abs5 = absatz(compareAbsaetze(c.oldText!, c.newText!), 5);
    const html = entry.diffHtml!;
    const block = html.slice(html.indexOf('<div class="diff-neufassung">'), html.indexOf('</div>\n</div>') + 13);
    expect(block).toContain('<strong>Abs.\u00a05 neu gefasst</strong>');
    expect(block).toContain(`<p class="diff-etikett">Bisher:</p><del class="diff-ganz"><p>${text(abs5, 'old')}</p></del>`);
    expect(block).toContain(`<p class="diff-etikett">Neu:</p><ins class="diff-ganz"><p>${text(abs5, 'neu')}</p></ins>`);
    expect(block).not.toContain('diff-marke');
    // The Absätze around it that changed a few words stay a word diff.
    expect(words(html)).toContain('Ansprechstelle nach § <del>27</del><ins>28</ins> Abs. 1 Nr. 2');
  });

  it('a few-word change stays a word diff: § 3 Abs. 3 (DSGVO) of 1.1 → 1.2 gains „Abs. 2“', () => {
    const c = reading(version('1.1'), version('1.2'), 'rechtsgrundlagen');
    const abs3 = absatz(compareAbsaetze(c.oldText!, c.newText!), 3);
    expect(abs3.state).toBe('geaendert');
    expect(changedWordShare(text(abs3, 'old'), text(abs3, 'neu'))).toBeLessThan(0.05);
    expect(words(renderWordDiffHtml(text(abs3, 'old'), text(abs3, 'neu')))).toContain('§ 80 <ins>Abs. 2 </ins>SGB X');
  });

  it('the change notice uses the same rule: the letter’s diff of § 7 is the changes page’s, unchanged Absätze collapsed', () => {
    const c = reading(version('1.1'), version('1.2'), 'weisungen');
    const renumbering = renumberingOf(version('1.1'), version('1.2'));
    const letter = renderWordDiffHtml(c.oldText!, c.newText!, { changedOnly: true, renumbering });
    const page = buildChangesView(content, 'kita-planer-2', '1.1', '1.2').entries.find((e) => e.sectionId === 'weisungen')!.diffHtml!;
    const rewritten = page.slice(page.indexOf('<div class="diff-neufassung">'));
    expect(letter.split('\n')).toEqual([
      '<p class="diff-unveraendert">Abs.\u00a01 unverändert</p>',
      '<p class="diff-unveraendert">Abs.\u00a02: nur Verweis an die neue Nummerierung angepasst (§\u00a027 → §\u00a028)</p>',
      '<p class="diff-unveraendert">Abs.\u00a03 und 4 unverändert</p>',
      ...rewritten.split('\n'),
    ]);
  });

  it.each([
    ['a short Absatz stays a word diff however much of it changed', '(2) Genehmigt ist:', '(2) Genehmigt sind alle:', 'geaendert'],
    ['a long Absatz with a few words changed stays a word diff', `(1) ${'Wort '.repeat(30)}alt.`, `(1) ${'Wort '.repeat(30)}neu.`, 'geaendert'],
    ['a long Absatz with other words throughout is rewritten', `(1) ${'alt '.repeat(15)}Ende.`, `(1) ${'neu '.repeat(15)}Ende.`, 'neu-gefasst'],
  ])('%s', (_, old, neu, state) => {
    const [only] = compareAbsaetze(old, neu);
    expect(only!.state).toBe(state);
  });

  it('the short-Absatz limit is what keeps „Genehmigt [−ist][+sind]“ a word diff', () => {
    expect(REWRITE_MIN_WORDS).toBeGreaterThan('(2) Genehmigt sind alle:'.split(/\b/).length);
    expect(changedWordShare('(2) Genehmigt ist:', '(2) Genehmigt sind alle:')).toBeGreaterThan(0.2);
  });
});

describe('comparisonPairs: which versions can be compared', () => {
  it('each version with the one it supersedes and every adopted version with each later one', () => {
    expect(comparisonPairs(kp).map(([a, b]) => `${a.version}→${b.version}`)).toEqual(['1.0→1.1', '1.1→1.2', '1.0→1.2']);
  });

  it('a draft that a later version replaced is compared with its successor only', () => {
    const fake = (v: string, status: Version['status']) => ({ version: v, status }) as Version;
    const chain = { versions: [fake('1.0', 'beschlossen'), fake('1.1', 'entwurf'), fake('1.2', 'beschlossen')] } as AgreementEntry;
    expect(comparisonPairs(chain).map(([a, b]) => `${a.version}→${b.version}`)).toEqual(['1.0→1.1', '1.1→1.2', '1.0→1.2']);
    const later = { versions: [...chain.versions, fake('1.3', 'beschlossen')] } as AgreementEntry;
    expect(comparisonPairs(later).map(([a, b]) => `${a.version}→${b.version}`)).toEqual(['1.0→1.1', '1.1→1.2', '1.0→1.2', '1.2→1.3', '1.0→1.3']);
  });
});

describe('buildSynopsis (bundled kita-planer-2, 1.1 → 1.2)', () => {
  const sections = () => buildSynopsis(content, 'kita-planer-2', '1.1', '1.2').items.filter((i): i is SynopsisSection => i.type === 'section');
  const lines = () => buildSynopsis(content, 'kita-planer-2', '1.1', '1.2').items.flatMap((i) => (i.type === 'line' ? [i.text] : []));

  it('collapses unchanged and only renumbered §§ into one line each, pairing renumbered §§ with their old numbers', () => {
    expect(lines()).toEqual(
      expect.arrayContaining([
        '§\u00a06 unverändert',
        '§§\u00a08 und 9 unverändert',
        '§§\u00a027 und 28 (bisher §§\u00a026 und 27) nur neu nummeriert, Wortlaut unverändert',
        '§\u00a021 Pflege der Belegungsdaten: Nur neu nummeriert: bisher §\u00a020, jetzt §\u00a021; nur der Verweis an die neue Nummerierung angepasst (§\u00a024 → §\u00a025).',
      ]),
    );
    expect(sections().find((s) => s.id === 'teilnahme')!.label).toBe('§\u00a020 (bisher §\u00a019)');
  });

  it('shows each regime reading where they differ', () => {
    expect(sections().filter((s) => s.id === 'rechtsgrundlagen').map((s) => s.variant)).toEqual(['Fassung DSGVO', 'Fassung KDG', 'Fassung DSG-EKD']);
    expect(new Set(sections().map((s) => s.anchor)).size).toBe(sections().length);
  });

  it('puts Absatz beside Absatz: a rewritten one whole and unmarked in both columns, an inserted one beside an empty cell', () => {
    const weisungen = sections().find((s) => s.id === 'weisungen')!;
    expect(weisungen.rows.map((r) => (r.type === 'note' ? r.text : `${r.state}${r.note ? ` ${r.note}` : ''}`))).toEqual([
      'Abs.\u00a01 unverändert',
      'Abs.\u00a02: nur Verweis an die neue Nummerierung angepasst (§\u00a027 → §\u00a028)',
      'Abs.\u00a03 und 4 unverändert',
      'neu-gefasst Abs.\u00a05 neu gefasst',
    ]);
    const row = weisungen.rows[3]!;
    if (row.type !== 'absatz') throw new Error('Absatz row expected');
    expect(row.old.flat().every((s) => !s.mark) && row.neu.flat().every((s) => !s.mark)).toBe(true);
    expect(synopsisParagraphsText(row.old)).toMatch(/^\(5\) Erfordert eine Weisung eine Änderung des gemeinsam genutzten Softwaresystems/);
    expect(synopsisParagraphsText(row.neu)).toMatch(/^\(5\) Der Auftragsverarbeiter führt jede Weisung des Trägers/);

    const sub = sections().find((s) => s.id === 'unterauftragsverarbeiter')!;
    const inserted = sub.rows.find((r) => r.type === 'absatz' && r.state === 'eingefuegt');
    if (inserted?.type !== 'absatz') throw new Error('inserted Absatz expected');
    expect(inserted.old).toEqual([]);
    expect(inserted.neu[0]![0]).toMatchObject({ mark: 'ins' });
    expect(synopsisParagraphsText(inserted.neu)).toMatch(/^\(7\) Eine nicht-öffentliche Stelle/);
  });

  it('marks the changed words in each column: removed ones left, inserted ones right', () => {
    const row = sections()
      .find((s) => s.id === 'rechtsgrundlagen' && s.variant === 'Fassung DSGVO')!
      .rows.find((r) => r.type === 'absatz' && synopsisParagraphsText(r.old).startsWith('(3)'));
    if (row?.type !== 'absatz') throw new Error('Absatz row expected');
    expect(row.old.flat().some((s) => s.mark === 'ins') || row.neu.flat().some((s) => s.mark === 'del')).toBe(false);
    expect(plain(row.neu.flat().filter((s) => s.mark))).toEqual([{ text: 'Abs. 2 ', mark: 'ins' }]);
  });

  it('a new § stands in the right column only, without marks', () => {
    const neu = sections().find((s) => s.kind === 'neu')!;
    expect([neu.label, neu.oldLabel]).toEqual(['§\u00a019', undefined]);
    for (const row of neu.rows) {
      if (row.type !== 'absatz') continue;
      expect(row.old).toEqual([]);
      expect(row.neu.flat().some((s) => s.mark)).toBe(false);
    }
    expect(neu.rows.map((r) => (r.type === 'absatz' ? synopsisParagraphsText(r.neu) : '')).join('\n\n')).toBe(comparableText(version('1.2').sections.find((s) => s.id === neu.id)!.body));
  });

  it('gives the changelog’s reason under each changed §: in full under the first, a pointer under the others', () => {
    const [first, second] = sections();
    const entry = version('1.2').changes[0]!;
    if (typeof entry === 'string') throw new Error('a changelog entry with §§ expected');
    expect([first!.id, second!.id].every((id) => entry.sections.includes(id))).toBe(true);
    expect(first!.reasons[0]).toMatchObject({ label: 'Änderung 1', firstAnchor: 'synopse-vertragsgegenstand' });
    expect(first!.reasons[0]!.text).toBe(`${legalSpaces(entry.reason!)} (Beispieldaten)`);
    expect(second!.reasons[0]).toEqual({ label: 'Änderung 1', number: 1, firstAnchor: 'synopse-vertragsgegenstand', firstLabel: '§\u00a01' });
  });

  it('lists every changelog entry of the range with its §§, numbered through several versions', () => {
    const one = buildSynopsis(content, 'kita-planer-2', '1.1', '1.2').changes;
    expect(one.map((c) => c.label)).toEqual(version('1.2').changes.map((_, i) => `Änderung ${i + 1}`));
    const two = buildSynopsis(content, 'kita-planer-2', '1.0', '1.2').changes;
    expect(two.map((c) => c.label)).toEqual([
      ...version('1.1').changes.map((_, i) => `Änderung ${i + 1} (Version 1.1)`),
      ...version('1.2').changes.map((_, i) => `Änderung ${version('1.1').changes.length + i + 1} (Version 1.2)`),
    ]);
    // An entry counts its §§ as its own version does („Neuer § 23“ of 1.1 is § 23 there).
    expect(two[0]!.sectionsText).toMatch(/^§§\u00a023/);
  });
});

describe('every Synopse of the bundled content', () => {
  it('keeps each column’s text exactly as its version reads it (marks only split it)', () => {
    let checked = 0;
    for (const agreement of content.agreements) {
      for (const [from, to] of comparisonPairs(agreement)) {
        const renumbering = renumberingOf(from, to);
        const synopsis = buildSynopsis(content, agreement.id, from.version, to.version);
        for (const c of compareVersionSections(from, to)) {
          if (c.oldText === undefined || c.oldText === c.newText) continue;
          const item = synopsis.items.find((i): i is SynopsisSection => i.type === 'section' && i.id === c.id && i.regimes.join() === c.regimes.join());
          if (!item) continue;
          const absaetze = compareAbsaetze(c.oldText, c.newText!, renumbering);
          for (const row of item.rows) {
            if (row.type !== 'absatz') continue;
            const old = synopsisParagraphsText(row.old);
            const neu = synopsisParagraphsText(row.neu);
            expect(absaetze.some((a) => text(a, 'old') === old && text(a, 'neu') === neu)).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('the Synopse page', () => {
  it('links to the inline diff and back, and to the other pairs', () => {
    const view = buildSynopsisView(content, 'kita-planer-2', '1.1', '1.2');
    expect(view.modes).toEqual([
      { label: 'Wort für Wort (ein Text, Änderungen darin)', href: '/vereinbarung/kita-planer-2/aenderungen/1.1-1.2/', current: false },
      { label: 'Synopse (bisher und neu nebeneinander)', href: '/vereinbarung/kita-planer-2/aenderungen/1.1-1.2/synopse/', current: true },
    ]);
    expect(view.others.map((o) => o.label)).toEqual(['Version 1.0 → 1.1', 'Version 1.0 → 1.2 (Entwurf)']);
    expect([view.oldColumn, view.newColumn]).toEqual(['Version 1.1 (bisher)', 'Version 1.2 (neu, Entwurf)']);
    const changes = buildChangesView(content, 'kita-planer-2', '1.1', '1.2');
    expect(changes.modes.find((m) => m.current)!.href).toBe('/vereinbarung/kita-planer-2/aenderungen/1.1-1.2/');
  });

  it('links the Synopse PDF from the manifest, on both pages', () => {
    const documents = [
      { kind: 'synopse' as const, path: 'pdf/kita-planer-2/synopse/synopse-1.1-1.2-entwurf.pdf', agreement: 'kita-planer-2', from: '1.1', version: '1.2', bytes: 123_456, pages: 14, sha256: 'a'.repeat(64), documentId: 'synopse-x' },
    ];
    const view = buildSynopsisView(content, 'kita-planer-2', '1.1', '1.2', documents);
    expect(view.pdf).toMatchObject({ href: '/pdf/kita-planer-2/synopse/synopse-1.1-1.2-entwurf.pdf', details: 'PDF, 123,5\u00a0kB, 14 Seiten', sha256: 'a'.repeat(64) });
    expect(buildChangesView(content, 'kita-planer-2', '1.1', '1.2', documents).synopsisPdf).toEqual(view.pdf);
    expect(buildChangesView(content, 'kita-planer-2', '1.0', '1.1', documents).synopsisPdf).toBeUndefined();
  });
});

describe('a small fixture with a draft', () => {
  it('says which regime reading did not change when another did', () => {
    const base = validFixture();
    const edits = [...draftEdits(base), { file: 'agreements/muster/1.2/04-aufsicht-kirchlich.mdx', replace: 'kirchliche Datenschutzaufsicht.', with: 'Datenschutzaufsicht der Kirche, der der Träger angehört.' }];
    const { content: draft } = parseContent(toContentFiles(applyEdits(base, edits)), 'content/');
    const items = buildSynopsis(draft, 'muster', '1.1', '1.2').items;
    expect(items.map((i) => (i.type === 'line' ? i.text : `${i.label} ${i.title} (${i.variant ?? 'alle'})`)).slice(-2)).toEqual([
      '§\u00a04 Aufsicht (Fassung DSGVO): Unverändert.',
      '§\u00a04 Aufsicht (Fassung KDG und DSG-EKD)',
    ]);
  });

  it('has a Synopse of the one changed §, unchanged ones as a line', () => {
    const base = validFixture();
    const { content: draft } = parseContent(toContentFiles(applyEdits(base, draftEdits(base))), 'content/');
    const synopsis = buildSynopsis(draft, 'muster', '1.1', '1.2');
    expect(synopsis.items.map((i) => (i.type === 'line' ? i.text : `${i.label} ${i.title}`))).toEqual([
      '§\u00a01 unverändert',
      '§\u00a02 Sicherheit der Verarbeitung',
      expect.stringMatching(/^§§?\u00a03/),
    ]);
    const [changed] = synopsis.items.filter((i): i is SynopsisSection => i.type === 'section');
    expect(changed!.reasons).toEqual([{ label: 'Änderung 1', number: 1, text: 'Empfehlung aus der Prüfung der Maßnahmen.', firstAnchor: 'synopse-sicherheit', firstLabel: '§\u00a02' }]);
    const row = changed!.rows.find((r) => r.type === 'absatz');
    if (row?.type !== 'absatz') throw new Error('Absatz row expected');
    expect(plain(row.neu.flat().filter((s) => s.mark))).toEqual([{ text: 'Ruhende Daten werden verschlüsselt gespeichert.', mark: 'ins' }]);
  });
});
