import { runCli, UsageError } from '../src/io/cli.ts';
import { runPackageCommand } from '../src/io/node-tools.ts';
import { didYouMeanWord } from '../src/lib/suggest.ts';

const USAGE = `Aufruf: npm test -- [DATEI…] [-t NAME] [weitere Optionen von vitest]

Führt die Tests aus (vitest run) und endet mit der Zeile „N passed, N failed, N skipped“, die CI
liest. Ohne DATEI laufen alle Tests (ca. 3–4 Minuten auf zwei Kernen).

  DATEI          nur diese Testdateien, z. B. test/suggest.test.ts; ein Teil des Namens genügt
                 (npm test -- suggest)
  -t NAME        nur die Tests, deren Name NAME enthält
  --bail N       nach N fehlgeschlagenen Tests aufhören
  --reporter R   andere Ausgabe, z. B. dot oder verbose (die Schlusszeile bleibt)

Alle Optionen von vitest run werden weitergegeben; ihre Beschreibung (englisch) zeigt
npx vitest run --help.
Exit-Code 0: alle Tests bestanden; 1: mindestens ein Test fehlgeschlagen; 2: falscher Aufruf.`;

/** The reporter that prints the closing line; a --reporter of the caller would otherwise replace it. */
const CLOSING_LINE_REPORTER = './test/support/closing-line-reporter.ts';

/**
 * vitest's own parser (cac) knows its options; asked before the run, it lets a misspelt one end
 * with a German message and „Meinten Sie …?“ instead of vitest's English stack trace.
 */
async function checkVitestOptions(args: string[]): Promise<void> {
  const { createCLI } = await import('vitest/node');
  const cli = createCLI();
  cli.parse(['node', 'vitest', 'run', ...args], { run: false });
  const command = cli.matchedCommand as { checkUnknownOptions?: () => void; checkOptionValue?: () => void } | undefined;
  try {
    command?.checkUnknownOptions?.();
    command?.checkOptionValue?.();
  } catch (error) {
    const message = (error as Error).message;
    const known = [...cli.globalCommand.options, ...((cli.matchedCommand as typeof cli.globalCommand | undefined)?.options ?? [])]
      .flatMap((o) => o.rawName.split(/[ ,]+/))
      .filter((name) => name.startsWith('--'));
    const unknown = /Unknown option `([^`]+)`/.exec(message)?.[1];
    if (unknown) throw new UsageError(`Unbekannte Option „${unknown}“.${didYouMeanWord(unknown, known)}\n\n${USAGE}`);
    const missing = /option `([^` ]+)[^`]*` value is missing/.exec(message)?.[1];
    if (missing) throw new UsageError(`Die Option „${missing.split(',').at(-1)!.trim()}“ braucht einen Wert.\n\n${USAGE}`);
    throw new UsageError(`${message}\n\n${USAGE}`);
  }
}

await runCli(async () => {
  const args = process.argv.slice(2);
  const own = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (own.includes('--help') || own.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  await checkVitestOptions(args);
  const reporter = own.some((a) => a === '--reporter' || a.startsWith('--reporter='));
  return runPackageCommand('vitest', 'vitest', ['run', ...args, ...(reporter ? [`--reporter=${CLOSING_LINE_REPORTER}`] : [])]);
});
