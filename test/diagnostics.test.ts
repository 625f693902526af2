import { describe, expect, it } from 'vitest';
import { formatDiagnostic, formatFieldPath, summarizeDiagnostics } from '../src/lib/diagnostics.ts';

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
