import { describe, expect, it } from 'vitest';
import { formatDiagnostic, formatFieldPath, orderDiagnostics, summarizeDiagnostics, type Diagnostic } from '../src/lib/diagnostics.ts';

describe('formatFieldPath', () => {
  it.each([
    [['entries', 3, 'signed'], 'entries[3].signed'],
    [['id'], 'id'],
    [[], ''],
  ] as const)('%j → %s', (path, expected) => {
    expect(formatFieldPath(path)).toBe(expected);
  });
});

describe('formatDiagnostic', () => {
  it('names file, line, column, field, problem and remedy', () => {
    expect(
      formatDiagnostic({
        file: 'content/ledger/x.yaml',
        line: 12,
        column: 5,
        field: 'entries[3].signed',
        message: 'Unterzeichnet vor dem Angebot.',
        hint: 'Prüfen Sie beide Daten.',
        rule: 'zeichnungsregister',
        severity: 'error',
      }),
    ).toMatchInlineSnapshot(`
      "Fehler: content/ledger/x.yaml:12:5 Feld „entries[3].signed“: Unterzeichnet vor dem Angebot.
        → Prüfen Sie beide Daten."
    `);
  });
});

describe('summarizeDiagnostics', () => {
  it('uses singular and plural', () => {
    expect(summarizeDiagnostics([], 1)).toBe('1 Datei geprüft: keine Fehler.');
    const d = { file: 'a', message: 'x', rule: 'r', severity: 'error' as const };
    expect(summarizeDiagnostics([d, { ...d, severity: 'warning' }], 3)).toBe('3 Dateien geprüft: 1 Fehler, 1 Warnung.');
  });
});

describe('root causes before consequences', () => {
  const cause: Diagnostic = { file: 'content/parties/traeger/t-1.yaml', line: 3, message: 'kaputt', hint: 'reparieren', rule: 'syntax', severity: 'error' };
  const consequence: Diagnostic = { file: 'content/council/council.yaml', line: 9, message: 'Zahlen passen nicht', hint: 'Folgt aus dem Fehler in content/parties/traeger/t-1.yaml (oben): …', rule: 'berichtete-zahlen', severity: 'error', consequenceOf: ['content/parties/traeger/t-1.yaml'] };

  it('lists every root cause first, though its file sorts later', () => {
    expect(orderDiagnostics([consequence, cause]).map((d) => d.file)).toEqual([cause.file, consequence.file]);
  });

  it('labels a consequence „Folgefehler“ (or „Folgewarnung“) and counts it apart', () => {
    expect(formatDiagnostic(consequence).split('\n')[0]).toBe('Folgefehler: content/council/council.yaml:9 Zahlen passen nicht');
    expect(formatDiagnostic({ ...consequence, severity: 'warning' }).split('\n')[0]).toBe('Folgewarnung: content/council/council.yaml:9 Zahlen passen nicht');
    expect(summarizeDiagnostics([cause, consequence], 3)).toBe('3 Dateien geprüft: 1 Fehler, 1 Folgefehler.');
    expect(summarizeDiagnostics([consequence, { ...consequence, line: 10 }], 3)).toBe('3 Dateien geprüft: keine Fehler, 2 Folgefehler.');
  });
});
