import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { parseYamlSource } from '../src/lib/yaml-source.ts';

const errors = (text: string, offset = 0) => {
  const result = parseYamlSource('x.yaml', text, offset);
  return result.ok ? [] : result.diagnostics.map(formatDiagnostic);
};

describe('parseYamlSource', () => {
  it.each([
    ['duplicate key, with the first occurrence', 'title: A\nid: x\ntitle: B\n', 'Fehler: x.yaml:3:1 YAML-Syntaxfehler: Das Feld „title“ steht zweimal auf derselben Ebene (zuerst in Zeile 1).\n  → Löschen Sie eine der beiden Angaben oder führen Sie sie zusammen.'],
    ['duplicate key in a list item', 'risks:\n  - id: a\n    title: A\n    title: B\n', 'Fehler: x.yaml:4:5 YAML-Syntaxfehler: Das Feld „title“ steht zweimal auf derselben Ebene (zuerst in Zeile 3).\n  → Löschen Sie eine der beiden Angaben oder führen Sie sie zusammen.'],
    ['tab as indentation', 'a:\n\tb: 1\n', 'Fehler: x.yaml:2:1 YAML-Syntaxfehler: Die Zeile ist mit einem Tabulator eingerückt.\n  → Rücken Sie Felder derselben Ebene gleich weit ein, nur mit Leerzeichen (je Ebene zwei). Stellen Sie den Editor so ein, dass er Leerzeichen statt Tabulatoren einfügt.'],
    ['unclosed double quote: at the opening quote', 'id: x\ntitle: "Kita\nplaces: 4\n', 'Fehler: x.yaml:2:8 YAML-Syntaxfehler: Ein Wert beginnt mit einem Anführungszeichen ("), das nicht geschlossen wird.\n  → Setzen Sie ans Ende des Werts ebenfalls ein " oder lassen Sie die Anführungszeichen weg.'],
    ["unclosed single quote", "id: x\ntitle: 'Kita\nplaces: 4\n", "Fehler: x.yaml:2:8 YAML-Syntaxfehler: Ein Wert beginnt mit einem Anführungszeichen ('), das nicht geschlossen wird.\n  → Setzen Sie ans Ende des Werts ebenfalls ein ' oder lassen Sie die Anführungszeichen weg."],
    ['unclosed flow map: at the brace', 'a: { b: 1, c: 2\nd: 3\n', 'Fehler: x.yaml:1:4 YAML-Syntaxfehler: Die Klammer „{“ wird nicht mit „}“ geschlossen.\n  → Schließen Sie die Klammer am Ende der Zeile mit „}“.'],
    ['unclosed flow list', 'a: [1, 2\nb: 3\n', 'Fehler: x.yaml:1:4 YAML-Syntaxfehler: Die Klammer „[“ wird nicht mit „]“ geschlossen.\n  → Schließen Sie die Klammer am Ende der Zeile mit „]“.'],
    ['colon inside a value', 'title: Teil A: Auftrag\n', 'Fehler: x.yaml:1:8 YAML-Syntaxfehler: In einem Wert steht ein Doppelpunkt mit Leerzeichen („: “), oder die Zeile darunter ist zu weit eingerückt.\n  → Setzen Sie den ganzen Wert in Anführungszeichen, z. B. title: "Teil A: Auftragsverarbeitung". Rücken Sie Felder derselben Ebene gleich weit ein, nur mit Leerzeichen (je Ebene zwei).'],
    ['missing colon', 'a: 1\nresult Nach den Maßnahmen\nb: 2\n', 'Fehler: x.yaml:2:1 YAML-Syntaxfehler: Hier wird „feld: wert“ erwartet: der Doppelpunkt fehlt oder die Einrückung stimmt nicht.\n  → Schreiben Sie „feld: wert“. Rücken Sie Felder derselben Ebene gleich weit ein, nur mit Leerzeichen (je Ebene zwei).'],
    ['reserved first character', 'title: @home\n', 'Fehler: x.yaml:1:8 YAML-Syntaxfehler: Ein Wert beginnt mit „@“; das ist in YAML nur in Anführungszeichen erlaubt.\n  → Setzen Sie den ganzen Wert in Anführungszeichen, z. B. title: "Teil A: Auftragsverarbeitung".'],
    ['bad escape in double quotes', 'a: "C:\\q"\n', 'Fehler: x.yaml:1:7 YAML-Syntaxfehler: In doppelten Anführungszeichen steht ein Backslash „\\“, der kein gültiges Escape-Zeichen ist.\n  → Schreiben Sie „\\\\“ für einen Backslash oder verwenden Sie einfache Anführungszeichen.'],
    ['two documents', 'a: 1\n---\nb: 2\n', 'Fehler: x.yaml:2:1 YAML-Syntaxfehler: Die Datei enthält eine zweite Zeile „---“ und damit mehrere YAML-Dokumente.\n  → Entfernen Sie die Zeile „---“; jede Datei enthält genau einen Block von Feldern.'],
    ['alias without anchor (would throw in toJS)', 'a: 1\nb: *nirgends\n', 'Fehler: x.yaml:2:4 YAML-Syntaxfehler: Ein Wert beginnt mit „*“ („*nirgends“); YAML liest das als Verweis auf einen Anker „&nirgends“, den es hier nicht gibt.\n  → Setzen Sie den Wert in Anführungszeichen, z. B. "*nirgends", oder lassen Sie das „*“ weg.'],
    ['explicit type tag', 'a: !!binary aGFsbG8=\n', 'Fehler: x.yaml:1:4 YAML-Syntaxfehler: Die Typangabe „!!binary“ ist in Inhaltsdateien nicht erlaubt.\n  → Entfernen Sie die Typangabe; Werte sind Text, Zahlen, Listen oder Felder.'],
    ['unknown tag', 'a: !geheim 1\n', 'Fehler: x.yaml:1:4 YAML-Syntaxfehler: Das Zeichen „!“ hat in YAML eine besondere Bedeutung (Typangabe, Anker oder Verweis).\n  → Setzen Sie den ganzen Wert in Anführungszeichen, z. B. title: "Teil A: Auftragsverarbeitung".'],
    ['a field indented further than the one above', 'a: 1\nitems:\n  - id: x\n    name: y\n     more: z\n    c: 1\n', 'Fehler: x.yaml:5:6 YAML-Syntaxfehler: Die Einrückung stimmt nicht: „more“ ist mit 5 Leerzeichen eingerückt, das Feld in der Zeile darüber mit 4 Leerzeichen.\n  → Gehört „more“ zur selben Ebene wie die Zeile darüber, rücken Sie es genau so weit ein (4 Leerzeichen). Rücken Sie Felder derselben Ebene gleich weit ein, nur mit Leerzeichen (je Ebene zwei).'],
    ['a field in a list item indented less than the one above', 'a: 1\nitems:\n  - id: x\n    name: y\n   places: 80\ncontacts: 1\n', 'Fehler: x.yaml:5:4 YAML-Syntaxfehler: Die Einrückung stimmt nicht: „places“ ist mit 3 Leerzeichen eingerückt, das Feld in der Zeile darüber mit 4 Leerzeichen.\n  → Gehört „places“ zur selben Ebene wie die Zeile darüber, rücken Sie es genau so weit ein (4 Leerzeichen). Rücken Sie Felder derselben Ebene gleich weit ein, nur mit Leerzeichen (je Ebene zwei).'],
    ['a top-level field indented by one space', 'id: x\nname: Kinder e. V.\n legal: y\nregime: d\n', 'Fehler: x.yaml:3:2 YAML-Syntaxfehler: Die Einrückung stimmt nicht: „legal“ ist mit 1 Leerzeichen eingerückt, das Feld in der Zeile darüber gar nicht.\n  → Gehört „legal“ zur selben Ebene wie die Zeile darüber, beginnen Sie die Zeile wie diese ohne Leerzeichen. Rücken Sie Felder derselben Ebene gleich weit ein, nur mit Leerzeichen (je Ebene zwei).'],
    ['a nested field indented less than its siblings', 'a:\n  b: 1\n c: 2\n', 'Fehler: x.yaml:3:2 YAML-Syntaxfehler: Die Einrückung stimmt nicht: „c“ ist mit 1 Leerzeichen eingerückt, das Feld in der Zeile darüber mit 2 Leerzeichen.\n  → Gehört „c“ zur selben Ebene wie die Zeile darüber, rücken Sie es genau so weit ein (2 Leerzeichen). Rücken Sie Felder derselben Ebene gleich weit ein, nur mit Leerzeichen (je Ebene zwei).'],
    ['complex key', '? [a, b]\n: 1\n', 'Fehler: x.yaml:1:3 YAML-Syntaxfehler: Ein Feldname ist eine Liste oder ein Block.\n  → Feldnamen sind einfache Wörter wie „title“; entfernen Sie „?“ und Klammern vor dem Doppelpunkt.'],
  ])('%s', (_title, text, expected) => {
    expect(errors(text)).toEqual([expected]);
  });

  it('reports one error per line: the first is the one to fix', () => {
    expect(errors('a: 1\n- b\n')).toHaveLength(1);
  });

  it('shifts lines for front matter', () => {
    expect(errors('id: x\ntitle: "Kita\n', 1)[0]).toMatch(/^Fehler: x\.yaml:3:8 /);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)].join('\n');
    expect(errors(bomb)[0]).toMatch(/zu viele Verweise/);
  });

  it('reads YAML 1.2 core: dates and „no“ stay text', () => {
    const result = parseYamlSource('x.yaml', 'date: 2022-03-31\nanswer: no\nplaces: 80\n');
    expect(result.ok && result.source.data).toEqual({ date: '2022-03-31', answer: 'no', places: 80 });
  });

  it.each([
    [['title'], 2, 1],
    [['signatory'], 3, 1],
    [['signatory', 'function'], 5, 3],
    [['signatory', 'missing'], 3, 1],
    [['list', 1], 8, 5],
    [['flow', 'b'], 9, 15],
    [['nowhere', 'deep'], 1, 1],
  ] as const)('lineOf(%j) points at the key an author looks for: %i:%i', (path, line, column) => {
    const result = parseYamlSource('x.yaml', 'id: x\ntitle: T\nsignatory:\n  name: N\n  function: F\nlist:\n  - a\n  - b\nflow: { a: 1, b: 2 }\n');
    if (!result.ok) throw new Error('fixture must parse');
    expect(result.source.lineOf([...path])).toEqual({ line, column });
  });
});
