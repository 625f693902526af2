import { localToday, parseAsOf, parseChoice, parseOptions, runCli } from '../src/io/cli.ts';
import { checkPrivateOut, DEFAULT_LETTERS_DIR, loadCopyLookup, loadLetterTemplates, startLetterPrinter, writeLetters } from '../src/io/letters.ts';
import { loadValidContent } from '../src/io/report/render-report.ts';
import { buildLetters, LETTER_KINDS, renderDryRun, summarizeLetters, type LetterKind } from '../src/lib/letters/plan.ts';
import { formatDateDe } from '../src/lib/dates.ts';
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
  --out       Zielordner (Standard: ${DEFAULT_LETTERS_DIR}; nie unter dist/, der öffentlichen Website)
  --manifest  PDF-Verzeichnis mit den Ausfertigungen (Standard: dist/pdf/manifest.json und dist-private/pdf/manifest.json)

Die versandten Angebote und Erinnerungen trägt danach ein: npm run ledger -- offer --from-letters ${DEFAULT_LETTERS_DIR}/versand.json`;

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
      out: { type: 'string', default: DEFAULT_LETTERS_DIR },
      manifest: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (!values) return 0;
  const kinds = values.kind?.map((kind) => parseChoice<LetterKind>('--kind', kind, LETTER_KINDS, USAGE));
  const asOf = parseAsOf(values['as-of'], { notAfter: localToday() }) ?? localToday();
  if (!values['dry-run']) checkPrivateOut(values.out);
  const content = await loadValidContent(values.content);
  const agreement = findAgreement(content, values.agreement);
  const copyOf = await loadCopyLookup(values.manifest);
  const letters = buildLetters(content, agreement, { asOf, kinds, party: values.party, copyOf });
  const summary = summarizeLetters(letters).join(' · ');
  if (values['dry-run']) {
    process.stdout.write(renderDryRun(letters));
    console.error(`Probelauf am ${formatDateDe(asOf)} (${agreement.id}): ${summary}. Nichts wurde geschrieben.`);
    return 0;
  }
  for (const warning of [...new Set(letters.flatMap((l) => l.warnings))].slice(0, 5)) console.error(`Hinweis: ${warning}`);
  const templates = await loadLetterTemplates();
  const printer = await startLetterPrinter();
  try {
    await writeLetters(values.out, agreement.id, asOf, letters, templates, printer.print);
  } finally {
    await printer.close();
  }
  console.error(`${letters.length} Schreiben am ${formatDateDe(asOf)} (${agreement.id}) in ${values.out}: ${summary}.`);
  return 0;
});
