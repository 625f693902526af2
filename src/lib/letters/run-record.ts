import { parse } from 'csv-parse/sync';
import type { LedgerChange } from '../ledger-edit.ts';
import type { SentLetter } from '../signing/copies.ts';
import { LETTER_CSV_HEADER, type LetterRunRecord } from './render.ts';

export class LetterRunError extends Error {
  readonly exitCode = 1;
}

/**
 * Reads what a letter run wrote – `versand.json` or the mail-merge `serienbrief.csv` – as the
 * offers and the reminders it sent.
 */
export function parseLetterRun(text: string, file: string): LetterRunRecord {
  if (file.endsWith('.csv')) return parseCsv(text, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new LetterRunError(`${file}: kein gültiges JSON (${(cause as Error).message}). Geben Sie die versand.json oder serienbrief.csv eines Laufs von npm run letters an.`);
  }
  const run = data as Partial<LetterRunRecord>;
  if (!run || run.format !== 1 || typeof run.agreement !== 'string' || typeof run.date !== 'string' || !Array.isArray(run.offers)) {
    throw new LetterRunError(`${file}: keine Versandliste von npm run letters (erwartet „format“: 1, „agreement“, „date“ und „offers“).`);
  }
  if (run.reminders !== undefined && !Array.isArray(run.reminders)) throw new LetterRunError(`${file}: „reminders“ muss eine Liste sein.`);
  for (const list of ['offers', 'reminders'] as const) {
    (run[list] ?? []).forEach((item, i) => {
      if (typeof item?.party !== 'string' || typeof item.version !== 'string') {
        throw new LetterRunError(`${file}: Eintrag ${i + 1} in „${list}“ braucht „party“ und „version“.`);
      }
      if (item.letter_sha256 !== undefined && !/^[0-9a-f]{64}$/.test(String(item.letter_sha256))) {
        throw new LetterRunError(`${file}: Eintrag ${i + 1} in „${list}“: „letter_sha256“ ist keine SHA-256-Prüfsumme (64 Zeichen 0–9, a–f).`);
      }
    });
  }
  return run as LetterRunRecord;
}

function parseCsv(text: string, file: string): LetterRunRecord {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, delimiter: ';', skip_empty_lines: true, bom: true }) as Record<string, string>[];
  } catch (cause) {
    throw new LetterRunError(`${file}: keine lesbare CSV-Datei (${(cause as Error).message}).`);
  }
  const missing = ['art', 'partner', 'vereinbarung', 'version', 'datum'].filter((c) => rows.length > 0 && !(c in rows[0]!));
  if (missing.length > 0) throw new LetterRunError(`${file}: Spalten ${missing.join(', ')} fehlen; erwartet wird die Serienbrief-Liste von npm run letters (${LETTER_CSV_HEADER.join(';')}).`);
  const agreements = [...new Set(rows.map((r) => r.vereinbarung))];
  const dates = [...new Set(rows.map((r) => r.datum))];
  if (agreements.length > 1 || dates.length > 1) throw new LetterRunError(`${file}: Die Liste mischt Vereinbarungen oder Daten (${[...agreements, ...dates].join(', ')}); ein Lauf hat eine Vereinbarung und ein Datum.`);
  const run: LetterRunRecord = {
    format: 1,
    agreement: agreements[0] ?? '',
    date: dates[0] ?? '',
    offers: [],
    reminders: [],
  };
  rows.forEach((r, i) => {
    if (!r.partner || !r.version) throw new LetterRunError(`${file}, Zeile ${i + 2}: „partner“ und „version“ dürfen nicht leer sein.`);
    const copy = r.dokumentkennung && r.sha256 ? { copy: { document_id: r.dokumentkennung, sha256: r.sha256 } } : {};
    if (r.art === 'erinnerung') run.reminders!.push({ party: r.partner, version: r.version, ...copy });
    else run.offers.push({ party: r.partner, version: r.version, kind: r.art!, ...copy });
  });
  return run;
}

/**
 * The ledger changes a letter run stands for: one offer per letter that offered a version, one
 * reminder per reminder letter (offers first: a reminder never concerns an offer of the same run).
 */
export function ledgerChangesOfLetterRun(run: LetterRunRecord): LedgerChange[] {
  return [
    ...run.offers.map((offer): LedgerChange => ({ command: 'offer', party: offer.party, agreement: run.agreement, version: offer.version, date: run.date, ...(offer.copy ? { copy: offer.copy } : {}) })),
    ...(run.reminders ?? []).map(
      (r): LedgerChange => ({ command: 'remind', party: r.party, agreement: run.agreement, version: r.version, date: run.date, ...(r.copy ? { copy: r.copy } : {}), ...(r.letter_sha256 ? { letterSha256: r.letter_sha256 } : {}) }),
    ),
  ];
}

/** The letters of a run with a recorded checksum, as the public check page may know them: no addressee. */
export function sentLettersOfRun(run: LetterRunRecord): SentLetter[] {
  const out: SentLetter[] = [];
  for (const offer of run.offers) {
    if (offer.letter_sha256) out.push({ sha256: offer.letter_sha256, kind: offer.kind === 'aenderung' ? 'aenderung' : 'angebot', date: run.date, agreement: run.agreement, version: offer.version });
  }
  for (const reminder of run.reminders ?? []) {
    if (reminder.letter_sha256) out.push({ sha256: reminder.letter_sha256, kind: 'erinnerung', date: run.date, agreement: run.agreement, version: reminder.version });
  }
  return out;
}
