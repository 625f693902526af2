import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { decodeContentFile, MAX_CONTENT_FILE_BYTES } from '../src/lib/source-text.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('decodeContentFile', () => {
  it.each([
    ['plain UTF-8', utf8('a: ä\n'), 'a: ä\n'],
    ['UTF-8 with byte-order mark', utf8('\ufeffa: ä\n'), 'a: ä\n'],
    ['Windows line endings', utf8('a: 1\r\nb: 2\r\n'), 'a: 1\nb: 2\n'],
    ['old Mac line endings', utf8('a: 1\rb: 2\r'), 'a: 1\nb: 2\n'],
    ['BOM and CRLF together', utf8('\ufeff---\r\nid: x\r\n---\r\n'), '---\nid: x\n---\n'],
  ])('accepts %s, normalised', (_title, bytes, text) => {
    expect(decodeContentFile('x.yaml', bytes)).toEqual({ ok: true, text });
  });

  it.each([
    ['ISO-8859-1, with the line of the first bad byte', latin1('id: x\nname: Kita\nstreet: Musterstraße 1\n'), 'Fehler: x.yaml:3 Die Datei ist nicht UTF-8-kodiert (vermutlich Windows-1252 oder ISO-8859-1).\n  → Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“.'],
    ['UTF-16', Uint8Array.from([0xff, 0xfe, 0x61, 0x00]), 'Fehler: x.yaml Die Datei ist UTF-16-kodiert.\n  → Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“.'],
    ['empty', utf8(''), 'Fehler: x.yaml Die Datei ist leer.\n  → Füllen Sie die Datei nach dem Muster in der README.md des Ordners oder löschen Sie sie.'],
    ['only blanks and a BOM', utf8('\ufeff \n\n'), 'Fehler: x.yaml Die Datei ist leer.\n  → Füllen Sie die Datei nach dem Muster in der README.md des Ordners oder löschen Sie sie.'],
    ['git conflict markers', utf8('id: x\n<<<<<<< HEAD\nname: A\n=======\nname: B\n>>>>>>> main\n'), 'Fehler: x.yaml:2 Die Datei enthält eine Konfliktmarkierung aus git („<<<<<<<“).\n  → Lösen Sie den Konflikt auf: behalten Sie die richtige Fassung und löschen Sie die Zeilen mit „<<<<<<<“, „=======“ und „>>>>>>>“.'],
    ['binary with NUL bytes', Uint8Array.from([0x61, 0x00, 0x62]), 'Fehler: x.yaml Die Datei enthält Null-Bytes und ist keine Textdatei.\n  → Ersetzen Sie sie durch eine Textdatei.'],
    ['larger than 1 MB', new Uint8Array(MAX_CONTENT_FILE_BYTES + 1), 'Fehler: x.yaml Die Datei ist 1,1 MB groß; erlaubt ist höchstens 1 MB.\n  → Teilen Sie den Inhalt auf mehrere Dateien auf oder prüfen Sie, ob versehentlich eine falsche Datei hier liegt.'],
    ['10 MB', new Uint8Array(10 * 1024 * 1024), 'Fehler: x.yaml Die Datei ist 10 MB groß; erlaubt ist höchstens 1 MB.\n  → Teilen Sie den Inhalt auf mehrere Dateien auf oder prüfen Sie, ob versehentlich eine falsche Datei hier liegt.'],
  ])('refuses %s', (_title, bytes, expected) => {
    const result = decodeContentFile('x.yaml', bytes);
    expect(result.ok ? 'accepted' : formatDiagnostic(result.diagnostic)).toBe(expected);
  });
});
