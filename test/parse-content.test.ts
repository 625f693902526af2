import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { classify, compareVersions, parseContent } from '../src/lib/parse-content.ts';
import { applyEdits, replace, toContentFiles, validFixture, type FileEdit } from './support/content-variants.ts';

const parse = (edits: FileEdit[] = []) => parseContent(toContentFiles(applyEdits(validFixture(), edits)), 'content/');

describe('classify', () => {
  it.each([
    ['site.yaml', 'site'],
    ['agreements/muster/agreement.yaml', 'agreement'],
    ['agreements/muster/1.0/version.yaml', 'version'],
    ['agreements/muster/1.0/01-gegenstand.mdx', 'section'],
    ['toms/vertraulichkeit.yaml', 'toms'],
    ['dpia/1.0/dpia.yaml', 'dpia-meta'],
    ['dpia/1.0/risks.yaml', 'risks'],
    ['dpia/1.0/sections/01-beschreibung.mdx', 'dpia-section'],
    ['parties/traeger/traeger-001.yaml', 'provider'],
    ['parties/kindertagespflege/ktp-001.yaml', 'childminder'],
    ['ledger/muster.yaml', 'ledger'],
    ['council/council.yaml', 'council'],
    ['README.md', 'ignored'],
    ['toms/README.md', 'ignored'],
    ['.DS_Store', 'ignored'],
    ['toms/.entwurf.yaml', 'ignored'],
  ])('%s is a %s file', (path, type) => {
    expect(classify(path).type).toBe(type);
  });

  it.each([
    ['parties/traeger/traeger 003.yaml', 'Der Name „traeger 003.yaml“ enthält ein Leerzeichen; erlaubt sind nur Kleinbuchstaben a–z, Ziffern, „-“, „_“ und „.“.', 'Benennen Sie die Datei um, z. B. in „traeger-003.yaml“.'],
    ['parties/Traeger/traeger-003.yaml', 'Der Name „Traeger“ enthält Großbuchstaben; erlaubt sind nur Kleinbuchstaben a–z, Ziffern, „-“, „_“ und „.“.', 'Benennen Sie den Ordner um, z. B. in „traeger“.'],
    ['toms/maßnahmen.yaml', 'Der Name „maßnahmen.yaml“ enthält Umlaute oder ß; erlaubt sind nur Kleinbuchstaben a–z, Ziffern, „-“, „_“ und „.“.', 'Benennen Sie die Datei um, z. B. in „massnahmen.yaml“.'],
    ['toms/vertraulichkeit.yml', 'YAML-Dateien enden in diesem Projekt auf „.yaml“, nicht auf „.yml“; diese Datei wird sonst nicht gelesen.', 'Benennen Sie die Datei in „vertraulichkeit.yaml“ um.'],
    ['agreements/muster/entwurf.yaml', 'Hier erwartet Vertragswerk keine Datei: in agreements/<vereinbarung>/ liegen agreement.yaml und je Version ein Ordner mit version.yaml und den Paragraphen (.mdx).', 'Verschieben oder löschen Sie die Datei. Die erlaubten Ordner und Dateinamen stehen in content/README.md.'],
    ['notizen.txt', 'Hier erwartet Vertragswerk keine Datei: im Inhaltsordner liegen nur site.yaml, organisation.yaml und die Ordner agreements, toms, dpia, parties, ledger, council, pages und templates.', 'Verschieben oder löschen Sie die Datei. Die erlaubten Ordner und Dateinamen stehen in content/README.md.'],
    ['council/beschluss.pdf', 'Hier erwartet Vertragswerk keine Datei: in council/ liegt nur council.yaml.', 'Verschieben oder löschen Sie die Datei. Die erlaubten Ordner und Dateinamen stehen in content/README.md.'],
  ])('%s is refused with a reason and a remedy', (path, reason, hint) => {
    expect(classify(path)).toEqual({ type: 'unknown', reason, hint });
  });
});

describe('parseContent', () => {
  it('reads the valid fixture without findings into a sorted model', () => {
    const { content, diagnostics } = parse();
    expect(diagnostics).toEqual([]);
    expect(content.agreements.map((a) => `${a.id}: ${a.versions.map((v) => `${v.version} (${v.sections.length})`).join(', ')}`)).toEqual(['muster: 1.0 (5), 1.1 (5)']);
    expect(content.providers.map((p) => p.id)).toEqual(['traeger-001', 'traeger-002', 'traeger-003']);
    expect(content.toms.map((t) => `${t.id} @ ${t.source.path.join('.')}`)).toEqual(['tom-vertraulichkeit-01 @ measures.0', 'tom-vertraulichkeit-02 @ measures.1']);
    expect(content.files).toHaveLength(25);
    expect(content.gaps).toEqual({ ids: new Set(), kinds: new Set() });
  });

  it('keeps the valid entries of a list file and their positions in the file', () => {
    const { content, diagnostics } = parse([replace('ledger/muster.yaml', 'signed: 2022-05-12', 'signed: 2022-02-30')]);
    expect(diagnostics.map((d) => d.field)).toEqual(['entries[0].signed']);
    expect(content.ledgers[0]!.entries.map((e) => `${e.party} ${e.version} @ ${e.source.path.join('.')}`)).toEqual(['traeger-001 1.1 @ entries.1', 'traeger-002 1.0 @ entries.2']);
  });

  it.each([
    ['a provider file that cannot be read', [replace('parties/traeger/traeger-002.yaml', 'regime: kdg', 'regime: [kdg')], ['party:traeger-002'], []],
    ['a provider that fails its schema (by file name and id)', [replace('parties/traeger/traeger-003.yaml', 'id: traeger-003', 'id: traeger-033\nbogus: 1')], ['party:traeger-003', 'party:traeger-033'], []],
    ['a TOM entry with an id', [replace('toms/vertraulichkeit.yaml', 'goal: vertraulichkeit\n    art32: [art32-1-a]', 'goal: x\n    art32: [art32-1-a]')], ['tom:tom-vertraulichkeit-02'], []],
    ['a TOM file that cannot be read', [replace('toms/vertraulichkeit.yaml', 'measures:', 'measures: [')], [], ['tom']],
    ['a version file', [replace('agreements/muster/1.1/version.yaml', 'status: beschlossen', 'status: gilt')], ['version:muster/1.1'], []],
    ['an agreement file', [{ file: 'agreements/muster/agreement.yaml', delete: true }], ['agreement:muster'], []],
    ['a section whose front matter fails', [replace('agreements/muster/1.0/02-sicherheit.mdx', 'number: 2', 'number: zwei')], ['sections:muster/1.0'], []],
    ['the council file', [replace('council/council.yaml', 'papers:', 'papers: 1\nx:')], [], ['paper']],
  ] as const)('records %s as a gap, so rules do not report it again', (_title, edits, ids, kinds) => {
    const { content, diagnostics } = parse([...edits]);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect([...content.gaps.ids].sort()).toEqual(ids);
    expect([...content.gaps.kinds]).toEqual(kinds);
  });

  it('keeps a section whose body is wrong, so numbering and coverage still hold', () => {
    const { content, diagnostics } = parse([replace('agreements/muster/1.1/02-sicherheit.mdx', '(1) Es gelten', '<Hinweis />\n\n(1) Es gelten')]);
    expect(diagnostics).toHaveLength(1);
    expect(content.agreements[0]!.versions[1]!.sections.map((s) => s.id)).toContain('sicherheit');
    expect(content.gaps.ids.size).toBe(0);
  });

  it('reports a missing agreement.yaml once, not once per version', () => {
    const { diagnostics } = parse([{ file: 'agreements/muster/agreement.yaml', delete: true }]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'Fehler: content/agreements/muster/agreement.yaml Die Vereinbarung „muster“ hat Versionen, aber keine Datei agreement.yaml.\n  → Legen Sie agreement.yaml nach dem Muster in content/agreements/README.md an.',
    ]);
  });

  it('reports sections without version.yaml only when the file is absent', () => {
    const absent = parse([{ file: 'agreements/muster/1.1/version.yaml', delete: true }]).diagnostics.map(formatDiagnostic);
    expect(absent).toEqual([
      'Fehler: content/agreements/muster/1.1/version.yaml Der Ordner „agreements/muster/1.1“ enthält Paragraphen, aber keine Datei version.yaml.\n  → Legen Sie version.yaml nach dem Muster in content/agreements/README.md an.',
    ]);
    const broken = parse([replace('agreements/muster/1.1/version.yaml', 'status: beschlossen', 'status: gilt')]).diagnostics;
    expect(broken.map((d) => d.field)).toEqual(['status']);
  });

  it('lists all findings at once, sorted by file and line', () => {
    const { diagnostics } = parse([
      replace('toms/vertraulichkeit.yaml', 'status: umgesetzt', 'status: fertig'),
      replace('dpia/1.0/risks.yaml', 'groups: [eltern]', 'groups: []'),
      replace('dpia/1.0/risks.yaml', 'id: risk-01', 'id: Risiko 1'),
      { file: 'site.yaml', write: 'title: [' },
    ]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual(['content/dpia/1.0/risks.yaml:2', 'content/dpia/1.0/risks.yaml:12', 'content/site.yaml:1', 'content/toms/vertraulichkeit.yaml:8']);
  });
});

describe('DPIA versions', () => {
  it('groups each folder under dpia/ into one version, oldest first by number, its sections by order', () => {
    const copy = (from: string, to: string): FileEdit => ({ file: to, write: new TextDecoder().decode(validFixture().get(from)!).replace('version: "1.0"', 'version: "1.10"') });
    const { content } = parse([copy('dpia/1.0/dpia.yaml', 'dpia/1.10/dpia.yaml'), copy('dpia/1.0/risks.yaml', 'dpia/1.10/risks.yaml'), copy('dpia/1.0/dpia.yaml', 'dpia/1.9/dpia.yaml')]);
    expect(content.dpia.versions.map((v) => `${v.folder}:${v.risks.length}:${v.sections.length}:${v.source.file}`)).toEqual([
      '1.0:2:1:content/dpia/1.0/dpia.yaml',
      '1.9:0:0:content/dpia/1.9/dpia.yaml',
      '1.10:2:0:content/dpia/1.10/dpia.yaml',
    ]);
  });

  it('reports a version folder without dpia.yaml once, in German, and leaves it out of the model', () => {
    const { content, diagnostics } = parse([{ file: 'dpia/1.0/dpia.yaml', delete: true }]);
    expect(content.dpia.versions).toEqual([]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'Fehler: content/dpia/1.0/dpia.yaml Der Ordner „dpia/1.0“ enthält Teile einer Folgenabschätzung, aber keine Datei dpia.yaml.\n  → Legen Sie dpia.yaml nach dem Muster in content/dpia/README.md an.',
    ]);
  });

  it('refuses a DPIA file outside a version folder', () => {
    expect(classify('dpia/dpia.yaml')).toMatchObject({ type: 'unknown', reason: expect.stringContaining('je Version der Folgenabschätzung ein Ordner') });
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.0', '1.1', -1],
    ['1.10', '1.9', 1],
    ['2.0', '10.0', -1],
    ['1.1', '1.1', 0],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('templates and pages in the content folder', () => {
  it('reads pages/<slug>.md as a page and templates/… as the content’s own templates', () => {
    expect(classify('pages/impressum.md')).toEqual({ type: 'page', slug: 'impressum' });
    expect(classify('templates/letters/common.yaml')).toEqual({ type: 'phrases', name: 'letters/common.yaml' });
    expect(classify('templates/cover.html')).toEqual({ type: 'template' });
  });

  it('refuses a template Vertragswerk does not bring, with the closest name', () => {
    const known = new Set(['cover.html', 'signature.html', 'letters/common.yaml']);
    expect(classify('templates/covr.html', known)).toEqual({
      type: 'unknown',
      reason: 'Eine Vorlage „covr.html“ bringt Vertragswerk nicht mit; in templates/ gehören nur eigene Fassungen mitgelieferter Vorlagen.',
      hint: 'Prüfen Sie den Namen. Meinten Sie „cover.html“? Die Vorlagen stehen in templates/README.md.',
    });
    expect(classify('templates/cover.html', known)).toEqual({ type: 'template' });
  });
});
