import path from 'node:path';
import { localToday, parseAsOf, parseChoice, parseOptions, runCli } from '../src/io/cli.ts';
import { checkPrivateOut, displayPath, lettersAlreadyWritten, loadCopyLookup, loadLetterTemplates, startLetterPrinter, writeLetterRun } from '../src/io/letters.ts';
import { LETTER_RUN_FILE, lettersDirOf } from '../src/io/records.ts';
import { loadValidContent } from '../src/io/report/render-report.ts';
import { formatDateDe } from '../src/lib/dates.ts';
import { buildLetters, LETTER_KINDS, renderDryRun, summarizeLetters, type LetterKind, type LetterView } from '../src/lib/letters/plan.ts';
import { LetterRunError } from '../src/lib/letters/run-record.ts';
import { findAgreement } from '../src/lib/report/view.ts';

const USAGE = `Aufruf: npm run letters -- [--as-of JJJJ-MM-TT] [--agreement KENNUNG] [--party KENNUNG] [--kind angebot|erinnerung|aenderung]
                           [--dry-run] [--out ORDNER] [--manifest DATEI …] [--content ORDNER]

Erzeugt die Schreiben an die Partner aus dem Zeichnungsregister, je Schreiben ein PDF, dazu die
Serienbrief-Liste (serienbrief.csv) und die Versandliste für das Register (versand.json):
  angebot     Angebot der aktuellen Version an jeden berechtigten Partner, dem sie noch nicht angeboten wurde
  erinnerung  Erinnerung an Angebote, die letters.reminder_weeks (agreement.yaml) offen sind – die nächste
              frühestens so lange nach der letzten eingetragenen, höchstens letters.max_reminders
  aenderung   „Was ändert sich für Sie?“ – neue Version für Partner, die an eine ältere gebunden sind
  --as-of     Datum der Schreiben, nicht in der Zukunft; ohne Angabe heute
  --agreement Vereinbarung; ohne Angabe main_agreement aus content/site.yaml
  --party     nur dieser Partner
  --kind      nur diese Art (mehrfach möglich)
  --dry-run   nur auflisten, wer welches Schreiben bekäme und warum; nichts wird geschrieben
  --out       Ordner der Briefakten (Standard: briefe/ im Aktenordner neben den Inhalten, „akten“ in
              site.yaml, für content/ also akten/briefe/); nie unter dist/ oder dist-private/
  --manifest  PDF-Verzeichnis mit den Ausfertigungen (Standard: dist/pdf/manifest.json und dist-private/pdf/manifest.json)

Jeder Lauf ist eine Akte: ein neuer Ordner <Vereinbarung>/<JJJJ-MM-TT>/ (ein zweiter Lauf am selben Tag
<JJJJ-MM-TT>-2/), nie überschrieben. Ein Partner, der am Tag schon ein Schreiben zu der Vereinbarung hat,
bekommt keines mehr. Die versandten Angebote und Erinnerungen trägt danach ein:
  npm run ledger -- offer --from-letters akten/briefe/<Vereinbarung>/<JJJJ-MM-TT>/versand.json`;

const DELETE_HINT = 'Wurde jener Lauf nicht versandt, löschen Sie seinen Ordner und rufen Sie npm run letters erneut auf.';

await runCli(async () => {
  const values = parseOptions(
    process.argv.slice(2),
    {
      content: { type: 'string', default: 'content' },
      'as-of': { type: 'string' },
      agreement: { type: 'string' },
      party: { type: 'string' },
      kind: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', default: false },
      out: { type: 'string' },
      manifest: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (!values) return 0;
  const kinds = values.kind?.map((kind) => parseChoice<LetterKind>('--kind', kind, LETTER_KINDS, USAGE));
  const asOf = parseAsOf(values['as-of'], { notAfter: localToday() }) ?? localToday();
  if (!values['dry-run'] && values.out !== undefined) checkPrivateOut(values.out);
  const content = await loadValidContent(values.content);
  const lettersDir = path.resolve(values.out ?? lettersDirOf(values.content, content.site));
  const agreement = findAgreement(content, values.agreement);
  const copyOf = await loadCopyLookup(values.manifest);
  const planned = buildLetters(content, agreement, { asOf, kinds, party: values.party, copyOf });
  // Sent letters are records: a party with a letter of this day (earlier run) keeps that one.
  const already = await lettersAlreadyWritten(lettersDir, agreement.id, asOf);
  const letters = planned.filter((l) => !already.has(l.party.id));
  const held = planned.filter((l) => already.has(l.party.id)).map((letter) => ({ letter, folder: already.get(letter.party.id)! }));
  const summary = summarizeLetters(letters).join(' · ');
  if (values['dry-run']) {
    process.stdout.write(renderDryRun(letters));
    if (held.length > 0) console.error(`Hinweis: ${heldText(held, asOf)}`);
    console.error(`Probelauf am ${formatDateDe(asOf)} (${agreement.id}): ${summary}. Nichts wurde geschrieben.`);
    return 0;
  }
  if (planned.length === 0) {
    console.error(`Keine Schreiben am ${formatDateDe(asOf)} (${agreement.id}): ${summary}. Nichts wurde geschrieben.`);
    return 0;
  }
  if (letters.length === 0) throw new LetterRunError(`${heldText(held, asOf)} Nichts wurde geschrieben. ${DELETE_HINT}`);
  for (const warning of [...new Set(letters.flatMap((l) => l.warnings))].slice(0, 5)) console.error(`Hinweis: ${warning}`);
  const templates = await loadLetterTemplates({ contentDir: values.content });
  const printer = await startLetterPrinter();
  let result;
  try {
    result = await writeLetterRun(lettersDir, agreement.id, asOf, letters, templates, printer.print);
  } finally {
    await printer.close();
  }
  // Another run may have written some of them in the meantime.
  if (result.skipped.length > 0) console.error(`Hinweis: ${heldText(result.skipped, asOf)}`);
  if (!result.folder) throw new LetterRunError(`${heldText(result.skipped, asOf)} Nichts wurde geschrieben. ${DELETE_HINT}`);
  const folder = displayPath(result.folder);
  console.error(`${result.written.length} Schreiben am ${formatDateDe(asOf)} (${agreement.id}) in ${folder}: ${summarizeLetters(result.written).join(' · ')}.`);
  console.error(`Nach dem Versand ins Zeichnungsregister eintragen: npm run ledger -- offer --from-letters ${path.join(folder, LETTER_RUN_FILE)}`);
  return 0;
});


/** „traeger-012 hat am 8. Dezember 2026 schon ein Schreiben …“ for the letters an earlier run of the day already holds. */
function heldText(held: readonly { letter: LetterView; folder: string }[], date: string): string {
  const folders = [...new Set(held.map((h) => displayPath(h.folder)))];
  const parties = held.map((h) => h.letter.party.id);
  const who = parties.length > 5 ? `${parties.slice(0, 5).join(', ')} und ${parties.length - 5} weitere` : parties.join(', ');
  return (
    `${who} ${parties.length === 1 ? 'hat' : 'haben'} am ${formatDateDe(date)} schon ein Schreiben zu dieser Vereinbarung (${folders.join(', ')}) und ${parties.length === 1 ? 'bekommt' : 'bekommen'} kein zweites: ` +
    'Versandte Schreiben sind Akten und werden nie überschrieben, und ein Partner bekommt je Vereinbarung höchstens ein Schreiben am Tag.'
  );
}
