import { ContentError, localToday, parseAsOf, parseChoice, parseCli, parseDateOption, runCli, UsageError } from '../src/io/cli.ts';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LETTER_RUN_FILE } from '../src/io/records.ts';
import { editLedgerInDir, editLedgerInDirBatch, findCopyInManifests } from '../src/io/ledger-file.ts';
import { ledgerChangesOfLetterRun, parseLetterRun } from '../src/lib/letters/run-record.ts';
import { loadValidContent } from '../src/io/report/render-report.ts';
import { LEDGER_COMMANDS, type LedgerCommand } from '../src/lib/ledger-edit.ts';
import { buildLedgerList, defaultStatusDate, renderLedgerCsv, renderLedgerTable, renderStatusText } from '../src/lib/report/ledger-list.ts';
import { findParty } from '../src/lib/parties/lookup.ts';
import { findAgreement } from '../src/lib/report/view.ts';
import { didYouMeanWord } from '../src/lib/suggest.ts';
import type { AgreementEntry } from '../src/lib/content-model.ts';

const USAGE = `Aufruf:
  npm run ledger -- offer|remind|intent|sign|decline|withdraw --party KENNUNG --date JJJJ-MM-TT [--agreement KENNUNG] [--version V]
                    [--form schriftlich|elektronisch] [--function TEXT] [--name TEXT] [--reason TEXT]
                    [--manifest DATEI …] [--today JJJJ-MM-TT] [--content ORDNER]
  npm run ledger -- offer --from-letters DATEI [--today JJJJ-MM-TT] [--content ORDNER]
  npm run ledger -- list [--agreement KENNUNG] [--version V] [--open] [--format table|csv] [--as-of JJJJ-MM-TT]
  npm run ledger -- status [--agreement KENNUNG] [--as-of JJJJ-MM-TT]

Pflegt das Zeichnungsregister content/ledger/<Vereinbarung>.yaml. Jede Änderung wird vorher geprüft;
bei einem Fehler bleibt die Datei unverändert (Exit-Code 1).
  offer     Angebot eintragen (vor allen anderen Ereignissen nötig); mit --from-letters alle Angebote
            und Erinnerungen eines Laufs von npm run letters (versand.json oder serienbrief.csv, oder
            der Ordner des Laufs) in einem Schritt – alle oder keins, schon eingetragene werden übersprungen
  remind    Erinnerung an ein offenes Angebot eintragen (zählt nicht als Antwort; die nächste
            Erinnerung plant npm run letters erst letters.reminder_weeks danach)
  intent    Absicht zur Unterzeichnung eintragen
  sign      Unterschrift eintragen (--form, --function und --name sind Pflicht; der Name bleibt intern)
  decline   Ablehnung eintragen
  withdraw  Kündigung eintragen (die Vereinbarung gilt bis zum Ende der Kündigungsfrist)
  list      Partner mit Stand auflisten; --open nur die, die noch nicht unterzeichnet haben
  status    Zeichnungsstand in Sätzen, wie im Bericht
Ohne --agreement gilt main_agreement aus content/site.yaml. Ohne --version gilt die Fassung, die am
Datum angeboten wurde (die neueste beschlossene); bei withdraw die Fassung, an die der Partner gebunden
ist. Eine abgelöste Fassung wird nur mit --reason angeboten oder unterzeichnet; die Begründung steht
dann im Register. offer, remind und sign vermerken die Ausfertigung (Dokumentkennung und SHA-256) aus dem
Verzeichnis der PDFs (Standard: dist/pdf/manifest.json und dist-private/pdf/manifest.json; andere mit
--manifest). --today ersetzt das heutige Datum (Ereignisse in der Zukunft werden abgewiesen); list und
status zählen ohne --as-of alle Einträge.`;

const SUBCOMMANDS = [...LEDGER_COMMANDS, 'list', 'status'];

/** A version named with --version that the agreement does not have is a wrong call (exit 2). */
function requireVersion(agreement: AgreementEntry, version: string | undefined): void {
  if (version && !agreement.versions.some((v) => v.version === version)) {
    throw new UsageError(`Die Vereinbarung „${agreement.id}“ hat keine Version „${version}“ (vorhanden: ${agreement.versions.map((v) => v.version).join(', ')}).`);
  }
}

await runCli(async () => {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    {
      content: { type: 'string', default: 'content' },
      party: { type: 'string' },
      agreement: { type: 'string' },
      version: { type: 'string' },
      date: { type: 'string' },
      form: { type: 'string' },
      function: { type: 'string' },
      name: { type: 'string' },
      reason: { type: 'string' },
      'from-letters': { type: 'string' },
      manifest: { type: 'string', multiple: true },
      today: { type: 'string' },
      open: { type: 'boolean', default: false },
      format: { type: 'string', default: 'table' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const today = values.today === undefined ? localToday() : parseDateOption('--today', values.today);
  const [command, ...extra] = positionals;
  if (!command) throw new UsageError(`Es fehlt der Unterbefehl.\n\n${USAGE}`);
  if (extra.length > 0) throw new UsageError(`Unerwartetes Argument „${extra[0]}“.\n\n${USAGE}`);

  if (command === 'list' || command === 'status') {
    const asOf = parseAsOf(values['as-of']);
    const content = await loadValidContent(values.content);
    const agreement = findAgreement(content, values.agreement);
    if (command === 'status') {
      process.stdout.write(renderStatusText(content, agreement, asOf ?? defaultStatusDate(content)));
      return 0;
    }
    const format = parseChoice('--format', values.format, ['table', 'csv'], USAGE);
    requireVersion(agreement, values.version);
    const list = buildLedgerList(content, agreement, { version: values.version, asOf, openOnly: values.open });
    process.stdout.write(format === 'csv' ? renderLedgerCsv(list, content) : renderLedgerTable(list));
    return 0;
  }

  if (!(LEDGER_COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`Unbekannter Unterbefehl „${command}“.${didYouMeanWord(command, SUBCOMMANDS)}\n\n${USAGE}`);
  }
  if (values['from-letters'] !== undefined) {
    if (command !== 'offer') throw new UsageError(`--from-letters gilt nur für offer.\n\n${USAGE}`);
    const extraOptions = (['party', 'date', 'version', 'reason', 'form', 'function', 'name', 'manifest'] as const).filter((key) => values[key] !== undefined);
    if (extraOptions.length > 0) throw new UsageError(`Mit --from-letters kommen Partner, Version, Datum und Ausfertigung aus der Datei; lassen Sie ${extraOptions.map((k) => `--${k}`).join(', ')} weg.\n\n${USAGE}`);
    const given = values['from-letters'];
    // The folder of a letter run (akten/briefe/<Vereinbarung>/<Datum>/) stands for its versand.json.
    const file = (await stat(given).catch(() => undefined))?.isDirectory() ? path.join(given, LETTER_RUN_FILE) : given;
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UsageError(`Die Datei ${file} (--from-letters) gibt es nicht. Geben Sie die versand.json oder serienbrief.csv eines Laufs von npm run letters an.`);
    });
    const run = parseLetterRun(text, file);
    await loadValidContent(values.content);
    const result = await editLedgerInDirBatch(values.content, ledgerChangesOfLetterRun(run), today);
    if (!result.ok) throw new ContentError(`Fehler in ${file}: ${result.message}\nDas Zeichnungsregister bleibt unverändert; weder ein Angebot noch eine Erinnerung wurde eingetragen.`);
    const lines = [...(result.summaries ?? []).map((s) => `Eingetragen: ${s}`), ...(result.skipped ?? []).map((s) => `Schon vorhanden: ${s}`)];
    console.log(`${lines.join('\n')}${lines.length ? '\n' : ''}${result.message}${result.file ? `\nDatei: ${result.file}` : ''}`);
    return 0;
  }
  // Every missing option at once, not one per attempt.
  const required = command === 'sign' ? (['party', 'date', 'form', 'function', 'name'] as const) : (['party', 'date'] as const);
  const missing = required.filter((key) => !values[key]?.trim());
  if (missing.length > 0) {
    throw new UsageError(`Für „${command}“ ${missing.length === 1 ? 'fehlt' : 'fehlen'} ${missing.map((m) => `--${m}`).join(', ')}.\n\n${USAGE}`);
  }
  if (values.reason !== undefined && command !== 'offer' && command !== 'sign') {
    throw new UsageError(`--reason gilt nur für offer und sign (eine abgelöste Fassung anbieten oder unterzeichnen).\n\n${USAGE}`);
  }
  parseDateOption('--date', values.date!);
  const content = await loadValidContent(values.content);
  const agreement = findAgreement(content, values.agreement);
  // Ids the content does not have are wrong calls (exit 2), as in every command.
  findParty(content, values.party!);
  requireVersion(agreement, values.version);
  const change = {
    command: command as LedgerCommand,
    party: values.party!,
    agreement: agreement.id,
    version: values.version,
    date: values.date!,
    form: values.form,
    function: values.function,
    name: values.name,
    reason: values.reason,
  };
  let copyNote = '';
  if (command === 'offer' || command === 'remind' || command === 'sign') {
    const found = await findCopyInManifests(content, change, values.manifest);
    if (found.copy) Object.assign(change, { copy: found.copy });
    copyNote = found.note;
  }
  const result = await editLedgerInDir(values.content, change, today);
  if (!result.ok) throw new ContentError(`Fehler: ${result.message}\nDas Zeichnungsregister bleibt unverändert.`);
  console.log(`Eingetragen: ${result.message}${copyNote ? `\n${copyNote}` : ''}\nDatei: ${result.file}`);
  return 0;
});
