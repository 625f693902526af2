import type { Diagnostic } from './diagnostics.ts';

/** Files larger than this are refused: content files are small, a huge one is a mistake. */
export const MAX_CONTENT_FILE_BYTES = 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Turns a content file's bytes into text: UTF-8 only, BOM dropped, line endings
 * normalised to LF, so authors on any editor get the same result.
 */
export function decodeContentFile(file: string, bytes: Uint8Array): DecodeResult {
  const fail = (message: string, hint: string, line?: number): DecodeResult => ({
    ok: false,
    diagnostic: { file, line, message, hint, rule: 'datei', severity: 'error' },
  });
  if (bytes.byteLength > MAX_CONTENT_FILE_BYTES) {
    // Rounded up, so a file just over the limit never reads as „1 MB groß; erlaubt ist höchstens 1 MB“.
    const mb = (Math.ceil((bytes.byteLength / 1024 / 1024) * 10) / 10).toLocaleString('de-DE', { maximumFractionDigits: 1 });
    return fail(
      `Die Datei ist ${mb} MB groß; erlaubt ist höchstens 1 MB.`,
      'Teilen Sie den Inhalt auf mehrere Dateien auf oder prüfen Sie, ob versehentlich eine falsche Datei hier liegt.',
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('Die Datei ist UTF-16-kodiert.', 'Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    return fail(
      'Die Datei ist nicht UTF-8-kodiert (vermutlich Windows-1252 oder ISO-8859-1).',
      'Speichern Sie die Datei im Editor mit der Kodierung „UTF-8“.',
      line,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (text.includes('\u0000')) {
    return fail('Die Datei enthält Null-Bytes und ist keine Textdatei.', 'Ersetzen Sie sie durch eine Textdatei.');
  }
  const conflict = /^(<{7}|={7}|>{7})(?: |$)/m.exec(text);
  if (conflict) {
    return fail(
      `Die Datei enthält eine Konfliktmarkierung aus git („${conflict[1]}“).`,
      'Lösen Sie den Konflikt auf: behalten Sie die richtige Fassung und löschen Sie die Zeilen mit „<<<<<<<“, „=======“ und „>>>>>>>“.',
      text.slice(0, conflict.index).split('\n').length,
    );
  }
  if (text.trim() === '') {
    return fail('Die Datei ist leer.', 'Füllen Sie die Datei nach dem Muster in der README.md des Ordners oder löschen Sie sie.');
  }
  return { ok: true, text };
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i < bytes.byteLength; i++) {
    if (bytes[i] === 0x0a) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}
