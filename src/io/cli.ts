import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isRealDate } from '../schemas/common.ts';

/** A wrong command line: exit code 2 and a German message, never a stack trace. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** A problem in the content: exit code 1. */
export class ContentError extends Error {
  readonly exitCode = 1;
}

export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (cause) {
    const text = String((cause as Error).message)
      .replace(/^Unknown option '(.+?)'.*$/s, 'Unbekannte Option „$1“.')
      .replace(/^Option '(.+?)(?: <value>)?' argument missing.*$/s, 'Die Option „$1“ braucht einen Wert.');
    throw new UsageError(`${text}\n\n${usage}`);
  }
}

export function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealDate(value)) {
    throw new UsageError(`--as-of erwartet ein Datum im Format JJJJ-MM-TT, erhalten: „${value}“.`);
  }
  return value;
}

/** Runs a CLI main function: content/usage errors become messages and exit codes. */
export async function runCli(main: () => Promise<number>): Promise<void> {
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
