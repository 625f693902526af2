import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatDateDe } from '../lib/dates.ts';
import { didYouMeanWord } from '../lib/suggest.ts';
import { describeDateProblem } from '../schemas/common.ts';
import { stayOffline } from './offline.ts';

/** A wrong command line: exit code 2 and a German message, never a stack trace. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** A problem in the content: exit code 1. */
export class ContentError extends Error {
  readonly exitCode = 1;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Every spelling of the options a command knows: `--party`, and `-h` for the short ones. */
export function optionNames(options: Options): string[] {
  return Object.entries(options).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
}

/**
 * The one command-line parser of every script (node:util parseArgs, strict). Its English errors
 * become German usage errors; a misspelt option gets „Meinten Sie …?“ with the closest known one.
 */
export function parseCli<T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new UsageError(`${describeParseError(cause as Error & { code?: string }, options)}\n\n${usage}`);
  }
}

function describeParseError(error: Error & { code?: string }, options: Options): string {
  const message = String(error.message);
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // Short options are too short to guess from.
    const suggestion = option.startsWith('--') ? didYouMeanWord(option, optionNames(options).filter((n) => n.startsWith('--'))) : '';
    return `Unbekannte Option „${option}“.${suggestion}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `Die Option „${option}“ nimmt keinen Wert.`;
    if (/ambiguous/.test(message)) {
      return `Die Option „${option}“ braucht einen Wert, es folgt aber gleich eine weitere Option. Beginnt der Wert mit „-“, schreiben Sie ${option}=-WERT.`;
    }
    return `Die Option „${option}“ braucht einen Wert.`;
  }
  return message;
}

/**
 * A date given on the command line (`--as-of`, `--date`, `--today`): JJJJ-MM-TT and a day that
 * exists – the same test and words as the content schema (describeDateProblem).
 */
export function parseDateOption(option: string, value: string): string {
  const problem = describeDateProblem(value);
  if (!problem) return value;
  if (problem.kind === 'day') throw new UsageError(`${option} „${value}“ ${problem.message}. ${problem.hint}`);
  throw new UsageError(`${option} erwartet ein Datum im Format JJJJ-MM-TT, erhalten: „${value}“. ${problem.hint}`);
}

/** A value from a fixed list (`--format`, `--kind`): anything else is a usage error with „Meinten Sie …?“. */
export function parseChoice<C extends string>(option: string, value: string, choices: readonly C[], usage: string): C {
  if ((choices as readonly string[]).includes(value)) return value as C;
  const listed = choices.length === 1 ? choices[0]! : `${choices.slice(0, -1).join(', ')} oder ${choices.at(-1)}`;
  throw new UsageError(`${option} erwartet ${listed}, erhalten: „${value}“.${didYouMeanWord(value, choices)}\n\n${usage}`);
}

/** With `notAfter` (today), a date in the future is refused: no state is known for it yet. */
export function parseAsOf(value: string | undefined, limits: { notAfter?: string } = {}): string | undefined {
  if (value === undefined) return undefined;
  parseDateOption('--as-of', value);
  if (limits.notAfter && value > limits.notAfter) {
    throw new UsageError(
      `Der Stichtag ${formatDateDe(value)} (--as-of) liegt in der Zukunft (heute ist der ${formatDateDe(limits.notAfter)}). ` +
        'Wählen Sie einen Stichtag bis heute oder lassen Sie --as-of weg.',
    );
  }
  return value;
}

/** Today's date on this machine as JJJJ-MM-TT (local time, as the people using the CLI read it). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * `--skip a,b`: every name must be a known stage. An unknown one (a typo such as „pdfs“) would
 * otherwise run the stage the caller meant to skip.
 */
export function parseStageList(value: string, known: readonly string[], usage: string): string[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    const suggestion = unknown.length === 1 ? didYouMeanWord(unknown[0]!, known) : '';
    throw new UsageError(
      `Unbekannte Stufe ${unknown.map((name) => `„${name}“`).join(', ')} bei --skip.${suggestion} Bekannte Stufen: ${known.join(', ')}.\n\n${usage}`,
    );
  }
  return names;
}

/** Positional arguments a command does not take are a usage error, not silently ignored. */
export function refusePositionals(positionals: readonly string[], usage: string, hint = ''): void {
  if (positionals.length > 0) throw new UsageError(`Unerwartetes Argument „${positionals[0]}“.${hint ? ` ${hint}` : ''}\n\n${usage}`);
}

/**
 * Parses a command that takes options only: with `--help` it prints the usage and returns undefined
 * (the caller exits 0); an argument that is not an option is a usage error.
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string, hint = '') {
  const { values, positionals } = parseCli(argv, options, usage);
  if ((values as { help?: unknown }).help) {
    console.log(usage);
    return undefined;
  }
  refusePositionals(positionals, usage, hint);
  return values;
}

/** The options of the two commands that serve the site (`dev`, `preview`). */
export const SERVER_OPTIONS = {
  port: { type: 'string', default: '4321' },
  host: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Serves until Ctrl+C or SIGTERM, then stops the server. */
export function serveUntilStopped(server: { stop(): Promise<void> }): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => void server.stop().finally(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Runs a CLI main function: content/usage errors become messages and exit codes. */
export async function runCli(main: () => Promise<number>): Promise<void> {
  // Before anything loads Astro or starts a process: no telemetry, no update check.
  stayOffline();
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof Error && typeof (error as { exitCode?: unknown }).exitCode === 'number') {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = (error as Error & { exitCode: number }).exitCode;
      return;
    }
    if (error && typeof error === 'object' && 'code' in error && (error as { code: unknown }).code === 'CONTENT_DIR_MISSING') {
      process.stderr.write(`${(error as unknown as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`Interner Fehler (bitte melden, siehe SECURITY.md):\n${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 3;
  }
}

/** `--port N` for the local web servers. */
export function parsePort(value: string, usage: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new UsageError(`--port erwartet eine Zahl von 1 bis 65535, erhalten: „${value}“.\n\n${usage}`);
  }
  return port;
}
