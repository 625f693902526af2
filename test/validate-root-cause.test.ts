import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeDiagnostics } from '../src/lib/diagnostics.ts';
import { applyEdits, formatAll, readTree, replace, ROOT, validateTree, type FileEdit } from './support/content-variants.ts';

/**
 * The root cause first: a broken provider or ledger file of the bundled content changes the
 * figures the council was told, which the rule „berichtete-zahlen“ checks in council.yaml. The
 * first message must still name the broken file; whatever follows from it comes after, marked
 * as a consequence („Folgefehler“) of that file.
 */
const bundled = readTree(path.join(ROOT, 'content'));

const T1 = 'parties/traeger/traeger-001.yaml';
const T2 = 'parties/traeger/traeger-002.yaml';
const KTP = 'parties/kindertagespflege/ktp-001.yaml';
const LEDGER = 'ledger/kita-planer-2.yaml';
const KTP_LEDGER = 'ledger/kindertagespflege.yaml';
const FIRST_SIGNATURE = '    offered: 2022-04-04\n    signed: 2022-08-24\n    form: schriftlich\n    signatory:\n      name: Jana Rößler';

const CASES: [string, string, FileEdit[]][] = [
  ['bad indentation in a provider file', T1, [replace(T1, '  - id: kita-001-02', '   - id: kita-001-02')]],
  ['an unknown key in a provider file', T1, [replace(T1, 'legal_form:', 'legalform:')]],
  ['a date that does not exist in the ledger', LEDGER, [replace(LEDGER, FIRST_SIGNATURE, FIRST_SIGNATURE.replace('2022-08-24', '2022-13-24'))]],
  ['negative places in a provider file', T1, [replace(T1, 'places: 95', 'places: -95')]],
  ['a duplicate id in a provider file', T2, [replace(T2, 'id: traeger-002', 'id: traeger-001')]],
  ['a duplicate entry (party and version) in the ledger', LEDGER, [replace(LEDGER, '  - party: traeger-002\n    version: "1.0"', '  - party: traeger-001\n    version: "1.0"')]],
  ['bad indentation in the ledger', LEDGER, [replace(LEDGER, FIRST_SIGNATURE, FIRST_SIGNATURE.replace('    form:', '     form:'))]],
  ['bad indentation in a childminder file', KTP, [replace(KTP, 'places: 4', ' places: 4')]],
  ['an unknown key in a ledger entry of the childminders', KTP_LEDGER, [replace(KTP_LEDGER, '  - party: ktp-002\n    version: "1.0"', '  - party: ktp-002\n    versoin: "1.0"')]],
];

/** The first line `npm run validate` prints, and every finding about another file. */
function validate(edits: FileEdit[]) {
  const diagnostics = validateTree(applyEdits(bundled, edits));
  return { diagnostics, firstLine: formatAll(diagnostics).split('\n')[0] ?? '' };
}

describe('the root cause first', () => {
  it('the bundled content is valid, and tells the council figures a broken file would change', () => {
    expect(validateTree(bundled)).toEqual([]);
    expect(new TextDecoder().decode(bundled.get('council/council.yaml'))).toMatch(/reported: \{ eligible: 87, signed: 51 \}/);
  });

  it.each(CASES)('%s: the first message names the broken file; the rest are its consequences', (_name, file, edits) => {
    const { diagnostics, firstLine } = validate(edits);
    expect(firstLine).toMatch(new RegExp(`^Fehler: content/${file.replaceAll('.', '\\.')}:\\d+`));
    for (const d of diagnostics.filter((d) => d.file !== `content/${file}`)) {
      expect(d.consequenceOf, d.message).toContain(`content/${file}`);
      expect(d.hint).toMatch(new RegExp(`^Folgt aus dem Fehler in content/${file.replaceAll('.', '\\.')} \\(oben\\)`));
    }
  });

  it('the consequence stays visible, after the root cause, and the summary counts it apart', () => {
    const { diagnostics } = validate(CASES[0]![2]);
    expect(formatAll(diagnostics).split('\n').map((line) => line.replace(/ Feld .*|:\d.*/, ''))).toEqual([
      `Fehler: content/${T1}`,
      '  → Gehört „- id“ zur selben Ebene wie die Zeile darüber, rücken Sie es genau so weit ein (4 Leerzeichen). Rücken Sie Felder derselben Ebene gleich weit ein, nur mit Leerzeichen (je Ebene zwei).',
      `Fehler: content/${T1}`,
      '  → Gehört „name“ zur selben Ebene wie die Zeile darüber, rücken Sie es genau so weit ein (5 Leerzeichen). Rücken Sie Felder derselben Ebene gleich weit ein, nur mit Leerzeichen (je Ebene zwei).',
      'Folgefehler: content/council/council.yaml',
      `  → Folgt aus dem Fehler in content/${T1} (oben): Diese Prüfung braucht alle Vertragspartner fehlerfrei. Beheben Sie zuerst den Fehler dort; bleibt diese Meldung danach, gilt: Prüfen Sie die Einträge im Zeichnungsregister mit Datum bis zum 24.\u00a0August 2022 und die Bedarfsplan-Einträge der Vertragspartner; der berichtete Stand ist ein Protokoll und wird nicht geändert.`,
    ]);
    expect(summarizeDiagnostics(diagnostics, 291)).toBe('291 Dateien geprüft: 2 Fehler, 1 Folgefehler.');
  });

  it('a genuine mismatch of the reported figures, with every file readable, is an error of its own', () => {
    const edits = [replace('council/council.yaml', 'reported: { eligible: 87, signed: 51 }', 'reported: { eligible: 87, signed: 52 }')];
    const { diagnostics, firstLine } = validate(edits);
    expect(firstLine).toMatch(/^Fehler: content\/council\/council\.yaml:\d+:\d+ Feld „beschlusskontrolle\[0\]\.reported“/);
    expect(diagnostics.some((d) => d.consequenceOf)).toBe(false);
  });

  // One file of every kind, broken so it does not parse: nothing about another file comes first.
  const SAMPLES = [
    'site.yaml',
    'council/council.yaml',
    'agreements/kita-planer-2/agreement.yaml',
    'agreements/kita-planer-2/1.1/version.yaml',
    'agreements/kita-planer-2/1.1/01-vertragsgegenstand.mdx',
    'toms/vertraulichkeit.yaml',
    'dpia/1.1/dpia.yaml',
    'dpia/2.0/dpia.yaml',
    'dpia/2.0/risks.yaml',
    'dpia/1.1/sections/01-einleitung.mdx',
    T1,
    KTP,
    LEDGER,
    KTP_LEDGER,
  ];
  it.each(SAMPLES)('%s broken: the first message names it, and every other finding is marked as its consequence', (file) => {
    const text = new TextDecoder().decode(bundled.get(file));
    // An unquoted „: “ inside a value, the most common YAML slip; in MDX, inside the front matter.
    const broken = file.endsWith('.mdx') ? text.replace(/^---\n/, '---\nkaputt: a: b\n') : `kaputt: a: b\n${text}`;
    const { diagnostics, firstLine } = validate([{ file, write: broken }]);
    expect(firstLine).toMatch(new RegExp(`^Fehler: content/${file.replaceAll('.', '\\.')}:\\d+`));
    for (const d of diagnostics.filter((d) => d.file !== `content/${file}`)) expect(d.consequenceOf, `${d.file}: ${d.message}`).toContain(`content/${file}`);
  });
});
