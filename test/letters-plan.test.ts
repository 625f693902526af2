import type { Section } from '../src/lib/content-model.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import type { AgreementEntry, Content } from '../src/lib/content-model.ts';
import { buildLetters, LetterRefusal, reasonsFor, renderDryRun, summarizeLetters, type LetterView } from '../src/lib/letters/plan.ts';
import { buildLetterRunRecord, letterPdfMetadata, renderLetterCsv, renderLetterHtml } from '../src/lib/letters/render.ts';
import { parseLetterRun, sentLettersOfRun } from '../src/lib/letters/run-record.ts';
import { buildChangesView } from '../src/lib/site/changes.ts';
import { ROOT } from './support/run-cli.ts';

let content: Content;
let agreement: AgreementEntry;

beforeAll(async () => {
  const loaded = await loadContent(path.join(ROOT, 'content'));
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  content = loaded.content;
  agreement = content.agreements.find((a) => a.id === 'kita-planer-2')!;
});

const byKind = (letters: LetterView[], kind: LetterView['kind']) => letters.filter((l) => l.kind === kind).map((l) => l.party.id);
const entriesOf = (party: string) => content.ledgers.find((l) => l.agreement === 'kita-planer-2')!.entries.filter((e) => e.party === party);

describe('who gets which letter (bundled content)', () => {
  it('on 2022-06-01: a reminder to every party whose 1.0 offer has been open for 8 weeks, nothing else', () => {
    const letters = buildLetters(content, agreement, { asOf: '2022-06-01' });
    // Independent of binding.ts: offered by 2022-04-06 (8 weeks), neither signed nor declined by the day.
    const expected = content.providers
      .filter((p) => {
        const e = entriesOf(p.id).find((x) => x.version === '1.0');
        return e && e.offered <= '2022-04-06' && !(e.signed && e.signed <= '2022-06-01') && !(e.declined && e.declined <= '2022-06-01');
      })
      .map((p) => p.id);
    expect(expected.length).toBeGreaterThan(10);
    expect(byKind(letters, 'erinnerung')).toEqual(expected);
    expect(byKind(letters, 'angebot')).toEqual([]);
    expect(byKind(letters, 'aenderung')).toEqual([]);
    expect(summarizeLetters(letters)).toEqual(['Angebot: 0', `Erinnerung: ${expected.length}`, 'Änderung („Was ändert sich für Sie?“): 0']);
  });

  it('a reminder says when it was offered and, where recorded, that the party wants to sign', () => {
    const [letter] = buildLetters(content, agreement, { asOf: '2022-06-01', party: 'traeger-014' });
    expect(letter!.kind).toBe('erinnerung');
    const intent = entriesOf('traeger-014').find((e) => e.version === '1.0')!.intent!;
    expect(intent <= '2022-06-01').toBe(true);
    expect(letter!.paragraphs[0]).toBe('mit Schreiben vom 4.\u00a0April 2022 haben wir Ihnen den Abschluss der Kooperationsvereinbarung Kita-Planer 2 in Version 1.0 angeboten.');
    expect(letter!.paragraphs[1]).toMatch(/^Sie haben uns am .+ mitgeteilt, dass Sie unterzeichnen möchten/);
    const [plain] = buildLetters(content, agreement, { asOf: '2022-06-01', party: 'traeger-001' });
    expect(plain!.paragraphs[1]).toBe('Bis heute liegt uns Ihre Antwort nicht vor.');
    expect(plain!.answerBy).toBe('2022-07-13');
  });

  it('on 2023-08-01: reminders for open 1.1 offers, a new offer of 1.1 to those who declined or never signed 1.0', () => {
    const letters = buildLetters(content, agreement, { asOf: '2023-08-01' });
    const offered11 = (id: string) => entriesOf(id).some((e) => e.version === '1.1');
    const eligible = content.providers.filter((p) => p.facilities.some((f) => f.bedarfsplan?.plan === '2021/2022'));
    const signed11 = (id: string) => entriesOf(id).some((e) => e.version === '1.1' && e.signed && e.signed <= '2023-08-01');
    const declined11 = (id: string) => entriesOf(id).some((e) => e.version === '1.1' && e.declined && e.declined <= '2023-08-01');
    // A party that terminated 1.0 has left; it gets no new offer.
    const terminated = (id: string) => entriesOf(id).some((e) => e.withdrawn && e.withdrawn <= '2023-08-01');
    expect(byKind(letters, 'angebot')).toEqual(eligible.filter((p) => !offered11(p.id) && !terminated(p.id)).map((p) => p.id));
    expect(byKind(letters, 'erinnerung')).toEqual(eligible.filter((p) => offered11(p.id) && !signed11(p.id) && !declined11(p.id)).map((p) => p.id));
    expect(byKind(letters, 'aenderung')).toEqual([]);
    for (const id of byKind(letters, 'angebot')) expect(signed11(id)).toBe(false);
  });

  it('on the day the 1.1 offers went out (2023-06-05) a party bound by 1.0 gets the change notice, the run can be repeated after recording', () => {
    const letters = buildLetters(content, agreement, { asOf: '2023-06-05' });
    const bound10 = content.providers.filter((p) => entriesOf(p.id).some((e) => e.version === '1.0' && e.signed && e.signed <= '2023-06-05' && !e.withdrawn)).map((p) => p.id);
    expect(byKind(letters, 'aenderung')).toEqual(bound10);
    const notice = letters.find((l) => l.party.id === 'traeger-001')!;
    expect(notice.paragraphs[2]).toBe(
      'Solange Sie Version 1.1 nicht unterzeichnen, bleibt für Sie Version 1.0 verbindlich, die Sie am 24.\u00a0August 2022 unterzeichnet haben. Mit Ihrer Unterschrift unter Version 1.1 gilt für Sie von diesem Tag an nur noch die neue Fassung.',
    );
  });

  it('leaves out ineligible parties and refuses one asked for by --party, naming file and line', () => {
    const letters = buildLetters(content, agreement, { asOf: '2023-08-01' });
    expect(letters.some((l) => l.party.id === 'traeger-088')).toBe(false);
    expect(() => buildLetters(content, agreement, { asOf: '2023-08-01', party: 'traeger-088' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/parties/traeger/traeger-088.yaml:8: „traeger-088“ hat am 1. August 2023 keine Einrichtung im Bedarfsplan 2021/2022 und ist nicht berechtigt; es wird kein Schreiben erzeugt. Ergänzen Sie den Bedarfsplan-Eintrag (bedarfsplan: { plan, entry }), falls er fehlt.]`,
    );
    expect(() => buildLetters(content, agreement, { asOf: '2023-08-01', party: 'ktp-001' })).toThrow(LetterRefusal);
    expect(() => buildLetters(content, agreement, { asOf: '2022-03-01' })).toThrow(/noch keine Version/);
  });

  it('--kind and --party narrow the run', () => {
    expect(byKind(buildLetters(content, agreement, { asOf: '2023-08-01', kinds: ['angebot'] }), 'erinnerung')).toEqual([]);
    expect(buildLetters(content, agreement, { asOf: '2023-08-01', party: 'traeger-001' }).map((l) => l.party.id)).toEqual(['traeger-001']);
  });
});

describe('the offer letter', () => {
  it('says what the letter of 4 April 2022 said: resolution, voluntary, enclosure with document id and hash, how to answer, by when', () => {
    const copyOf = (a: string, v: string, p: string) => ({ document_id: `${a}-${v}-${p}-abcd1234`, sha256: 'a'.repeat(64) });
    const [letter] = buildLetters(content, agreement, { asOf: '2022-04-04', party: 'traeger-006', copyOf });
    expect(letter!.kind).toBe('angebot');
    const text = letter!.paragraphs.join('\n');
    expect(text).toContain('hat am 31.\u00a0März 2022 (Vorlage A0311/22, Sitzung JHA/036/2022)');
    expect(text).toContain('freiwillig');
    expect(text).toContain('keinen Zwang');
    expect(text).toContain('bis zum 16.\u00a0Mai 2022');
    expect(text).toContain('Kirchlichen Datenschutz (KDG)');
    expect(letter!.copy).toEqual({ document_id: 'kita-planer-2-1.0-traeger-006-abcd1234', sha256: 'a'.repeat(64) });
    expect(letter!.addressLines).toEqual(['Katholische Kirchgemeinde St. Raphael Dresden-Elbwiesen', 'Kirchweg 93', '01067 Dresden']);
    const html = renderLetterHtml(letter!, { html: TEMPLATE, css: '', fontCss: '' });
    expect(html).toContain('kita-planer-2-1.0-traeger-006-abcd1234');
    expect(html).toContain('<h1 class="betreff">Angebot: Kooperationsvereinbarung Kita-Planer 2, Version 1.0</h1>');
  });

  it('speaks to a childminder as a person and names her as the resolution does; the text after the salutation starts in lower case', () => {
    const ktp = content.agreements.find((a) => a.id === 'kindertagespflege')!;
    const [letter] = buildLetters(content, ktp, { asOf: ktp.versions[0]!.adopted!, party: 'ktp-004' });
    expect(letter!.salutation).toBe(`Guten Tag ${content.childminders.find((c) => c.id === 'ktp-004')!.name},`);
    expect(letter!.paragraphs[0]).toMatch(/^der Jugendhilfeausschuss der Landeshauptstadt Dresden hat am /);
    expect(letter!.paragraphs[0]).toContain('mit jeder Kindertagespflegeperson, die das System nutzen möchte und in den Bedarfsplan 2021/2022 aufgenommen ist,');
    const [provider] = buildLetters(content, agreement, { asOf: '2022-04-04', party: 'traeger-006' });
    expect(provider!.paragraphs[0]).toContain('mit jedem Träger, der das System nutzen möchte und Einrichtungen im Bedarfsplan 2021/2022 betreibt,');
  });

  it('warns when the PDF manifest has no copy, and the dry run says so once', () => {
    const letters = buildLetters(content, agreement, { asOf: '2022-04-04', party: 'traeger-006' });
    expect(letters[0]!.copy).toBeUndefined();
    expect(letters[0]!.warnings[0]).toMatch(/^Keine Ausfertigung für traeger-006, Version 1.0/);
    expect(renderDryRun(letters)).toMatchInlineSnapshot(`
      "traeger-006	Angebot, Version 1.0	Version 1.0 heute angeboten
      Hinweis: 1 von 1 Schreiben mit Beispieldaten (Version, Vorlage oder Sitzung mit „beispiel“ in den Inhalten); sie tragen den Vermerk „Beispieldaten“ und sind nicht zum Versand bestimmt.
      Hinweis: 1 von 1 Schreiben ohne Ausfertigung im PDF-Verzeichnis (keine Dokumentkennung); bauen Sie die PDFs (npm run pdf) vor dem Versand.
      "
    `);
  });
});

const MARKERS = /<span class="(?:diff-marke|visually-hidden)"[^>]*>[^<]*<\/span>/g;

describe('the change notice („Was ändert sich für Sie?“)', () => {
  it('lists exactly the §§ that change in the party’s regime variant, each with its reason from the changelog', () => {
    const letters = buildLetters(content, agreement, { asOf: '2023-06-05', kinds: ['aenderung'] });
    const view = buildChangesView(content, 'kita-planer-2', '1.0', '1.1');
    for (const regime of ['dsgvo', 'kdg', 'dsg-ekd'] as const) {
      const letter = letters.find((l) => l.party.regime === regime)!;
      expect(letter, regime).toBeDefined();
      const expected = view.entries.filter((e) => e.regimes.includes(regime));
      expect(letter.changes.map((c) => c.sectionId)).toEqual(expected.map((e) => e.sectionId));
      // The letter shows the changed paragraphs of the page's comparison for this regime, word for word; so no other regime's variant slips in.
      for (const [i, change] of letter.changes.entries()) {
        const full = expected[i]!.diffHtml ?? expected[i]!.textHtml ?? '';
        if (change.summary) {
          // Only numbers are struck or inserted on the page.
          const marked = [...full.replace(MARKERS, '').matchAll(/<(ins|del)>(.*?)<\/\1>/g)].map((m) => m[2]);
          expect(marked.every((text) => /^\d+$/.test(text!)), `${regime} ${change.label}`).toBe(true);
          continue;
        }
        const shown = change.diffHtml!.split('\n').filter((p) => !p.startsWith('<p class="diff-unveraendert">'));
        expect(shown.length).toBeGreaterThan(0);
        for (const paragraph of shown) expect(full.split('\n'), `${regime} ${change.label}`).toContain(paragraph);
      }
    }
    const dsgvo = letters.find((l) => l.party.regime === 'dsgvo')!;
    const s10 = dsgvo.changes.find((c) => c.label === '§\u00a010')!;
    expect(s10.reasons).toEqual([expect.stringMatching(/^§\s10 nennt die Druckzentrum Sachsen GmbH/)]);
    expect(dsgvo.changeNotes).toEqual([]);
  });

  it.each([
    ['§ 10 nennt …', 10, true],
    ['§§ 4–6 um …', 5, true],
    ['§§ 4–6 um …', 7, false],
    ['§§ 1, 22, 25 und 28 an …', 25, true],
    ['§§ 1, 22, 25 und 28 an …', 28, true],
    ['§§ 1, 22, 25 und 28 an …', 23, false],
    ['§ 12 verkürzt …; § 13 verwendet …', 13, true],
  ])('reasonsFor(%j, %i) → %s (a plain-text changelog line)', (line, number, found) => {
    expect(reasonsFor([{ sections: [], text: line }], { id: 'x', number } as Section).length > 0).toBe(found);
  });

  it('takes a structured changelog entry by the § id it names, with its reason', () => {
    const notes = [{ sections: ['beitragsrechnung'], text: 'Neuer § 23.', reason: 'Modul für Elternbeiträge.' }];
    expect(reasonsFor(notes, { id: 'beitragsrechnung', number: 23 } as Section)).toEqual(['Neuer § 23. Begründung: Modul für Elternbeiträge.']);
    expect(reasonsFor(notes, { id: 'schulung', number: 23 } as Section)).toEqual([]);
  });
});

describe('mail merge and run record', () => {
  it('one CSV row per letter; a contact only where the content marks it public; the record holds offers and reminders apart', () => {
    const letters = [
      ...buildLetters(content, agreement, { asOf: '2023-08-01', party: 'traeger-002' }),
      ...buildLetters(content, agreement, { asOf: '2023-08-01', party: 'traeger-001' }),
    ];
    expect(letters.map((l) => l.kind)).toEqual(['angebot', 'erinnerung']);
    const csv = renderLetterCsv(letters);
    expect(csv.split('\n')[0]).toBe('datei;art;partner;vereinbarung;version;datum;anschrift;anrede;dokumentkennung;sha256;kontakt_oeffentlich;kontakt_email;beispieldaten');
    // traeger-001 names two contacts, neither public: no name, no address of a person in the list.
    expect(csv).not.toContain('Jana Rößler');
    expect(csv).not.toContain('elbsand-ev.example');
    const record = buildLetterRunRecord('kita-planer-2', '2023-08-01', letters, (stem) => (stem.startsWith('erinnerung-') ? 'e'.repeat(64) : undefined));
    expect(record.offers.map((o) => o.party)).toEqual(['traeger-002']);
    expect(record.reminders).toEqual([{ party: 'traeger-001', version: '1.1', file: 'erinnerung-kita-planer-2-1.1-traeger-001.pdf', letter_sha256: 'e'.repeat(64) }]);
    // The check page learns of the printed letter: checksum, day, kind, agreement, version – no party.
    expect(sentLettersOfRun(record)).toEqual([{ sha256: 'e'.repeat(64), kind: 'erinnerung', date: '2023-08-01', agreement: 'kita-planer-2', version: '1.1' }]);
    const fromCsv = parseLetterRun(csv, 'serienbrief.csv');
    expect(fromCsv.offers.map((o) => [o.party, o.version])).toEqual([['traeger-002', '1.1']]);
    // The CSV does not carry the letter's hash; the reminder itself it does.
    expect(fromCsv.reminders).toEqual([{ party: 'traeger-001', version: '1.1' }]);
    expect(parseLetterRun(JSON.stringify(record), 'versand.json')).toEqual(record);
  });

  it('a public contact appears in the CSV', () => {
    const party = content.providers.find((p) => p.id === 'traeger-001')!;
    const publicContent = { ...content, providers: content.providers.map((p) => (p === party ? { ...p, contacts: [{ ...p.contacts[0]!, oeffentlich: true }] } : p)) } as Content;
    const letters = buildLetters(publicContent, agreement, { asOf: '2023-08-01', party: 'traeger-001' });
    expect(renderLetterCsv(letters)).toContain(';Jana Rößler, Vorstandsvorsitzende;jana.roessler@elbsand-ev.example');
  });
});

const TEMPLATE = `<h1 class="betreff">{{subject}}</h1>{{#paragraphs}}<p>{{.}}</p>{{/paragraphs}}{{#copy}}{{copy.document_id}}{{/copy}}{{css}}{{#changes}}{{#reasons}}{{.}}{{/reasons}}{{{diffHtml}}}{{/changes}}{{#enclosures}}{{.}}{{/enclosures}}`;

/** The bundled content with the body of one § replaced in both versions (every regime variant). */
function withSectionBodies(id: string, from: string, to: string): { content: Content; agreement: AgreementEntry } {
  const changed: AgreementEntry = {
    ...agreement,
    versions: agreement.versions.map((v) =>
      v.version === '1.0' || v.version === '1.1' ? { ...v, sections: v.sections.map((s) => (s.id === id ? { ...s, body: v.version === '1.0' ? from : to } : s)) } : v,
    ),
  };
  return { content: { ...content, agreements: content.agreements.map((a) => (a.id === agreement.id ? changed : a)) } as Content, agreement: changed };
}

describe('a rewritten Absatz in the change notice', () => {
  it('is shown whole, old and new, as on the changes page (§ 22 Abs. 3 of 1.0 → 1.1, one rule: isRewritten)', () => {
    const [notice] = buildLetters(content, agreement, { asOf: '2023-06-05', party: 'traeger-001' });
    const modules = notice!.changes.find((c) => c.sectionId === 'module')!;
    const block = (html: string) => html.slice(html.indexOf('<div class="diff-neufassung">'), html.lastIndexOf('</div>') + 6);
    expect(modules.diffHtml).toContain('<strong>Abs.\u00a03 neu gefasst</strong>');
    const page = buildChangesView(content, 'kita-planer-2', '1.0', '1.1').entries.find((e) => e.sectionId === 'module')!;
    expect(block(modules.diffHtml!)).toBe(block(page.diffHtml!));
    // Whole paragraphs, no word fragments inside the block.
    expect(block(modules.diffHtml!)).not.toContain('diff-marke');
    expect(renderLetterHtml(notice!, { html: readFileSync(path.join(ROOT, 'templates/letter.html'), 'utf8'), css: '', fontCss: '' })).toContain('<p class="diff-etikett">Bisher:</p>');
  });
});

describe('the change notice compares what the reader reads', () => {
  it('a change inside emphasis and a link shows the words, no Markdown, the same as the changes page', () => {
    const { content: c, agreement: a } = withSectionBodies(
      'loeschung-rueckgabe',
      '(1) Der Auftragsverarbeiter löscht die Daten **binnen drei Monaten** nach\n[Ende der Vereinbarung](https://example.org/ende) \\(siehe § 17\\).',
      '(1) Der Auftragsverarbeiter löscht die Daten **binnen eines Monats** nach [Ende des Vertrags](https://example.org/ende) \\(siehe § 17\\).',
    );
    const [notice] = buildLetters(c, a, { asOf: '2023-06-05', party: 'traeger-001' });
    expect(notice!.kind).toBe('aenderung');
    const s14 = notice!.changes.find((ch) => ch.title === 'Löschung und Rückgabe von Daten' || ch.label === '§\u00a014')!;
    expect(s14).toBeDefined();
    const words = s14.diffHtml!.replace(/<span class="(?:diff-marke|visually-hidden)"[^>]*>[^<]*<\/span>/g, '');
    expect(words).toBe('<p>(1) Der Auftragsverarbeiter löscht die Daten binnen <del>drei Monaten</del><ins>eines Monats</ins> nach Ende <del>der Vereinbarung</del><ins>des Vertrags</ins> (siehe § 17).</p>');
    const page = buildChangesView(c, 'kita-planer-2', '1.0', '1.1').entries.find((e) => e.sectionId === 'loeschung-rueckgabe' && e.regimes.includes('dsgvo'))!;
    expect(s14.diffHtml).toBe(page.diffHtml);
  });
});

describe('the change notice reads in five minutes: each reason once, only changed Absätze', () => {
  const REASON_4_6 = 'Für die Beitragsrechnung verarbeitet der Auftragsverarbeiter neue Datenarten über weitere Personen; Art.\u00a028 Abs.\u00a03 DSGVO verlangt, dass die Vereinbarung sie nennt.';

  it('an entry covering §§ 4–6 prints its reason exactly once, with the three §§ under it', () => {
    const [notice] = buildLetters(content, agreement, { asOf: '2023-06-05', party: 'traeger-001' });
    const group = notice!.changeGroups.find((g) => g.reason === REASON_4_6)!;
    expect(group).toBeDefined();
    expect(group.coversText).toBe('Betrifft §§\u00a04–6');
    expect(group.sections.map((c) => c.label)).toEqual(['§\u00a04', '§\u00a05', '§\u00a06']);
    const html = renderLetterHtml(notice!, { html: readFileSync(path.join(ROOT, 'templates/letter.html'), 'utf8'), css: '', fontCss: '' });
    expect(html.split(REASON_4_6).length - 1).toBe(1);
    // Every entry once: as many reasons printed as entries that cover a § of the party's variant.
    expect(html.match(/<strong>Grund:<\/strong>/g)?.length).toBe(notice!.changeGroups.filter((g) => g.reason).length);
    for (const g of notice!.changeGroups) if (g.reason) expect(html.split(g.reason).length - 1, g.reason).toBe(1);
    // A § two entries cover is shown under the first and named under the second.
    const shown = notice!.changeGroups.flatMap((g) => g.sections.map((c) => c.sectionId));
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.sort()).toEqual(notice!.changes.map((c) => c.sectionId).sort());
    const six = notice!.changeGroups.find((g) => g.text?.startsWith('§§\u00a01, 22, 25 und 28'))!;
    expect(six.sections.map((c) => c.label)).toEqual(['§\u00a01', '§\u00a022']);
    expect(six.seeAbove).toEqual(['Außerdem betroffen (oben unter Änderung 1): §\u00a025 (bisher §\u00a024) Schulung und Anwenderbetreuung und §\u00a028 (bisher §\u00a027) Schlussbestimmungen.']);
  });

  it('a § only renumbered, or whose references only follow the renumbering, is one line without text', () => {
    const [notice] = buildLetters(content, agreement, { asOf: '2023-06-05', party: 'traeger-001' });
    const byId = (id: string) => notice!.changes.find((c) => c.sectionId === id)!;
    expect(byId('schnittstellen')).toMatchObject({ label: '§\u00a024', summary: 'Nur neu nummeriert: bisher §\u00a023, jetzt §\u00a024.' });
    expect(byId('schnittstellen').diffHtml).toBeUndefined();
    expect(byId('weisungen').summary).toBe('Nur die Verweise an die neue Nummerierung angepasst (§\u00a025 → §\u00a026 und §\u00a026 → §\u00a027).');
    // A real change of the text is shown, with the unchanged Absätze collapsed.
    expect(byId('schulung')).toMatchObject({ label: '§\u00a025 (bisher §\u00a024)' });
    expect(byId('schulung').summary).toBeUndefined();
    expect(byId('schulung').diffHtml).toContain('<p class="diff-unveraendert">Abs.\u00a02 und 3 unverändert</p>');
    expect(notice!.paragraphs[1]).toMatch(/^In Ihrer Fassung \(DSGVO\) ändern sich §§\u00a01, 4–7, 10, 12–14, 19, 20 und 22–28 /);
  });

  it('a reference that does not follow the renumbering is a change of the text, shown word by word', () => {
    const follows = withSectionBodies('weisungen', '(1) Weisungen nach § 23.', '(1) Weisungen nach § 24.');
    const [a] = buildLetters(follows.content, follows.agreement, { asOf: '2023-06-05', party: 'traeger-001' });
    expect(a!.changes.find((c) => c.sectionId === 'weisungen')!.summary).toBe('Nur der Verweis an die neue Nummerierung angepasst (§\u00a023 → §\u00a024).');
    const other = withSectionBodies('weisungen', '(1) Weisungen nach § 23.', '(1) Weisungen nach § 25.');
    const [b] = buildLetters(other.content, other.agreement, { asOf: '2023-06-05', party: 'traeger-001' });
    const change = b!.changes.find((c) => c.sectionId === 'weisungen')!;
    expect(change.summary).toBeUndefined();
    expect(change.diffHtml!.replace(MARKERS, '')).toBe('<p>(1) Weisungen nach § <del>23</del><ins>25</ins>.</p>');
  });

  it('the changes page keeps the full text: every Absatz, no collapsed line, the renumbered § with its whole comparison', () => {
    const view = buildChangesView(content, 'kita-planer-2', '1.0', '1.1');
    const schulung = view.entries.find((e) => e.sectionId === 'schulung')!;
    expect(schulung.diffHtml).toContain('<p>(2) Der Träger benennt die Beschäftigten, die geschult werden sollen.');
    expect(schulung.diffHtml).toContain('<p>(3) Für neue Beschäftigte');
    for (const e of view.entries) expect(e.diffHtml ?? '').not.toContain('diff-unveraendert');
    const weisungen = view.entries.find((e) => e.sectionId === 'weisungen')!;
    expect(weisungen.kind).toBe('geaendert');
    expect(weisungen.diffHtml).toContain('<del>');
  });
});

describe('a letter marks the example data it names', () => {
  it('an offer of 1.1 names version, paper V2216/23 and session JHA/052/2023 as example data, in the view, the PDF’s HTML, the CSV and the dry run', async () => {
    const [letter] = buildLetters(content, agreement, { asOf: '2023-08-01', party: 'traeger-002' });
    expect(letter!.kind).toBe('angebot');
    expect(letter!.paragraphs.join(' ')).toContain('hat am 11.\u00a0Mai 2023 (Vorlage V2216/23, Sitzung JHA/052/2023)');
    expect(letter!.exampleNotes).toEqual([
      'Version 1.1: Die ganze Fassung 1.1 ist ein Beispiel – Vorlage V2216/23, Sitzung JHA/052/2023, Daten und Wortlaut, auch die Druckzentrum Sachsen GmbH als Unterauftragsverarbeiter.',
      'Vorlage V2216/23: Vorlage, Datum und Beschluss sind erfunden; die Ratsdokumente kennen keine Änderung der Vereinbarung.',
      'Sitzung JHA/052/2023 (Jugendhilfeausschuss, 11.\u00a0Mai 2023): Beispieldaten.',
    ]);
    const html = renderLetterHtml(letter!, { html: readFileSync(path.join(ROOT, 'templates/letter.html'), 'utf8'), css: '', fontCss: '' });
    expect(html).toContain('<body class="beispiel">');
    expect(html).toContain('<strong>Beispieldaten – dieses Schreiben ist nicht zum Versand bestimmt.</strong>');
    expect(html).toContain('<li>Vorlage V2216/23: Vorlage, Datum und Beschluss sind erfunden;');
    const [row] = parse(renderLetterCsv([letter!]), { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(row!.beispieldaten).toBe(letter!.exampleNotes.join(' '));
    expect(renderDryRun([letter!])).toContain('Hinweis: 1 von 1 Schreiben mit Beispieldaten');
    expect(letterPdfMetadata(letter!).keywords).toContain('Beispieldaten');
  });

  it('a reminder names the version only, so it marks the version only', () => {
    const [reminder] = buildLetters(content, agreement, { asOf: '2023-08-01', party: 'traeger-001' });
    expect(reminder!.kind).toBe('erinnerung');
    expect(reminder!.paragraphs.join(' ')).not.toContain('V2216/23');
    expect(reminder!.exampleNotes).toEqual([expect.stringMatching(/^Version 1\.1: Die ganze Fassung 1\.1 ist ein Beispiel/)]);
  });

  it('a change notice also names the example data of the version it replaces, and marks example reasons', () => {
    const [notice] = buildLetters(content, agreement, { asOf: '2023-06-05', party: 'traeger-001' });
    expect(notice!.exampleNotes[0]).toMatch(/^Version 1\.1: /);
    expect(notice!.exampleNotes).toContain('Version 1.0: Der Wortlaut ist ein Beispieltext; die beschlossene Anlage 1 zum Antrag A0311/22 liegt den Ratsdokumenten hier nicht bei. Beschlussdatum, Antrag und Sitzung stammen aus ihnen.');
    const s10 = notice!.changes.find((c) => c.label === '§\u00a010')!;
    expect(s10.reasons[0]).toMatch(/ \(Beispieldaten: Der Druckdienstleister ist erfunden\.\)$/);
  });

  it('every letter of an example instance carries its mark, in the box and in the footer, even one that names no marked fact', () => {
    const [reminder] = buildLetters(content, agreement, { asOf: '2023-08-01', party: 'traeger-001' });
    expect([reminder!.kind, reminder!.exampleMark]).toEqual(['erinnerung', 'Beispielinhalte – nicht amtlich']);
    const html = renderLetterHtml(reminder!, { html: readFileSync(path.join(ROOT, 'templates/letter.html'), 'utf8'), css: '', fontCss: '' });
    expect(html).toContain('<body class="beispiel">');
    expect(html).toContain('<p><strong>Beispielinhalte – nicht amtlich</strong>: Dieses Schreiben ist aus Beispielinhalten erzeugt.</p>');
    expect(html).toContain('@page beispiel { @bottom-left { content: "Beispielinhalte – nicht amtlich" " – nicht zum Versand bestimmt"; } }');
    expect(letterPdfMetadata(reminder!).keywords).toContain('Beispielinhalte – nicht amtlich');
  });

  it('content without example marks: no note, no box, an empty CSV column', () => {
    const strip = <T extends { beispiel?: unknown }>(x: T): T => ({ ...x, beispiel: undefined });
    // A real instance: site.yaml without „beispiel“, and (the validator sees to it) no per-fact mark.
    const real = {
      ...content,
      site: strip(content.site!),
      agreements: content.agreements.map((a) => ({ ...a, versions: a.versions.map(strip) })),
      council: { ...content.council!, papers: content.council!.papers.map(strip), consultations: content.council!.consultations.map(strip) },
    } as Content;
    const [letter] = buildLetters(real, real.agreements.find((a) => a.id === 'kita-planer-2')!, { asOf: '2023-08-01', party: 'traeger-001' });
    expect(letter!.exampleNotes).toEqual([]);
    const html = renderLetterHtml(letter!, { html: readFileSync(path.join(ROOT, 'templates/letter.html'), 'utf8'), css: '', fontCss: '' });
    expect(letter!.exampleMark).toBeNull();
    expect(html).not.toContain('Beispieldaten');
    expect(html).not.toContain('Beispielinhalte');
    expect(html).toContain('<body>');
    const [row] = parse(renderLetterCsv([letter!]), { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(row!.beispieldaten).toBe('');
    expect(row!.partner).toBe('traeger-001');
  });
});
