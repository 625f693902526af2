import type { z } from 'zod';
import { formatFieldPath, type Diagnostic, type PathSegment } from './diagnostics.ts';
import type { YamlSource } from './yaml-source.ts';

type Issue = z.core.$ZodIssue;
type SchemaCheck<T> = { ok: true; data: T } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Checks parsed YAML against a schema. Zod's own (English) texts never reach authors:
 * a German error map fills in wherever a schema has no message of its own.
 */
export function checkSchema<S extends z.ZodType>(schema: S, source: YamlSource): SchemaCheck<z.infer<S>> {
  const result = schema.safeParse(source.data, { reportInput: true, error: germanDefault });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, diagnostics: zodIssuesToDiagnostics(result.error.issues, source, schema) };
}

/** Turns schema issues into author-facing German diagnostics with file, line and field. */
export function zodIssuesToDiagnostics(issues: readonly Issue[], source: YamlSource, schema?: z.ZodType): Diagnostic[] {
  return issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      // One finding per unknown key, on the key's own line.
      const allowed = schema ? keysAt(schema, path) : [];
      return issue.keys.map((key) => {
        const suggestion = closest(key, allowed);
        return located(source, [...path, key], {
          message: `Unbekanntes Feld „${key}“.`,
          hint: suggestion
            ? `Meinten Sie „${suggestion}“? Sonst entfernen Sie das Feld; die erlaubten Felder stehen in der README.md des Ordners.`
            : `Prüfen Sie die Schreibweise oder entfernen Sie das Feld. Erlaubt sind hier: ${allowed.map((k) => `„${k}“`).join(', ') || 'keine weiteren Felder'}.`,
        });
      });
    }
    return [located(source, path, describeIssue(issue, path))];
  });
}

function located(source: YamlSource, path: PathSegment[], text: { message: string; hint?: string }): Diagnostic {
  const { line, column } = source.lineOf(path);
  return {
    file: source.file,
    line,
    column,
    field: path.length > 0 ? formatFieldPath(path) : undefined,
    message: text.message,
    hint: text.hint,
    rule: 'schema',
    severity: 'error',
  };
}

/** German texts for issues a schema did not word itself. Predicates, completed by describeIssue. */
function germanDefault(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return EXPECTED[issue.expected as string] ?? 'hat den falschen Typ';
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? 'darf nicht leer sein' : `muss mindestens ${n} Zeichen lang sein`;
      if (issue.origin === 'array' || issue.origin === 'set') return n <= 1 ? 'darf nicht leer sein' : `braucht mindestens ${n} Einträge`;
      return issue.inclusive ? `muss mindestens ${n} sein` : `muss größer als ${n} sein`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `darf höchstens ${n} Zeichen lang sein`;
      if (issue.origin === 'array' || issue.origin === 'set') return `darf höchstens ${n} ${n === 1 ? 'Eintrag' : 'Einträge'} haben`;
      return issue.inclusive ? `darf höchstens ${n} sein` : `muss kleiner als ${n} sein`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'muss eine E-Mail-Adresse sein';
      if (issue.format === 'url') return 'muss eine vollständige Adresse (URL) sein';
      return 'hat nicht das erwartete Format';
    case 'invalid_value':
      return `muss ${listValues(issue.values)} sein`;
    case 'not_multiple_of':
      return `muss ein Vielfaches von ${String(issue.divisor)} sein`;
    case 'invalid_union':
      return 'passt zu keiner der erlaubten Schreibweisen';
    case 'invalid_key':
      return 'enthält einen ungültigen Feldnamen';
    case 'invalid_element':
      return 'enthält einen ungültigen Eintrag';
    default:
      return 'ist ungültig';
  }
}

const EXPECTED: Record<string, string> = {
  string: 'muss ein Text sein',
  number: 'muss eine Zahl sein',
  int: 'muss eine ganze Zahl sein',
  boolean: 'muss true oder false sein',
  array: 'muss eine Liste sein',
  object: 'muss ein Block mit Feldern sein',
  date: 'muss ein Datum sein',
  null: 'muss leer sein',
};

function listValues(values: readonly unknown[]): string {
  const quoted = values.map((v) => `„${String(v)}“`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} oder ${quoted[quoted.length - 1]}`;
}

function describeIssue(issue: Issue, path: PathSegment[]): { message: string; hint?: string } {
  const last = path[path.length - 1];
  const input = (issue as { input?: unknown }).input;
  const custom = (issue as { params?: { hint?: unknown } }).params?.hint;
  const customHint = typeof custom === 'string' ? custom : undefined;

  const missing = input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union');
  if (missing) {
    if (typeof last === 'number') return { message: 'Der Listeneintrag fehlt.', hint: 'Ergänzen Sie den Eintrag.' };
    return {
      message: last === undefined ? 'Die Datei enthält keine Felder.' : `Das Pflichtfeld „${last}“ fehlt.`,
      hint: last === undefined ? 'Füllen Sie die Datei nach dem Muster in der README.md des Ordners.' : `Ergänzen Sie „${last}: …“ (Muster in der README.md des Ordners).`,
    };
  }
  if (issue.code === 'invalid_type' && input === null && path.length === 0) {
    return { message: 'Die Datei enthält keine Felder (nur Kommentare oder „null“).', hint: 'Füllen Sie die Datei nach dem Muster in der README.md des Ordners oder löschen Sie sie.' };
  }
  if (issue.code === 'invalid_type' && input === null) {
    return { message: 'Das Feld ist leer.', hint: 'Tragen Sie einen Wert ein oder löschen Sie die Zeile, wenn das Feld nicht nötig ist.' };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'object' && path.length === 0) {
    return { message: 'Die Datei muss aus Feldern der Form „feld: wert“ bestehen.', hint: 'Füllen Sie die Datei nach dem Muster in der README.md des Ordners.' };
  }

  const predicate = issue.message.replace(/\.$/, '');
  const scalar = typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean';
  const message = scalar ? `Der Wert „${String(input)}“ ${predicate}.` : `${predicate.charAt(0).toUpperCase()}${predicate.slice(1)}.`;
  return { message, hint: customHint ?? hintFor(issue, input) };
}

/** Not echoing the value: YAML has already dropped leading zeros („01069“ → 1069). */
const QUOTE_NUMBER_HINT = 'Setzen Sie den Wert in Anführungszeichen, genau wie gemeint; ohne Anführungszeichen liest YAML ihn als Zahl, und führende Nullen gehen verloren.';

function hintFor(issue: Issue, input: unknown): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
        return QUOTE_NUMBER_HINT;
      }
      if (issue.expected === 'int') return 'Schreiben Sie eine ganze Zahl ohne Komma und ohne Anführungszeichen.';
      if (issue.expected === 'number') return 'Schreiben Sie die Zahl in Ziffern, ohne Anführungszeichen und ohne Einheit.';
      if (issue.expected === 'boolean') return 'Schreiben Sie true oder false, ohne Anführungszeichen.';
      if (issue.expected === 'array') {
        return typeof input === 'string' ? `Schreiben Sie „[${input}]“ oder darunter je Wert eine Zeile „- ${input}“.` : 'Schreiben Sie die Werte als Liste, z. B. „[a, b]“ oder darunter je Wert eine Zeile „- a“.';
      }
      if (issue.expected === 'object') return 'Schreiben Sie „feld: wert“-Zeilen darunter, um zwei Leerzeichen eingerückt.';
      return undefined;
    case 'invalid_value': {
      const suggestion = typeof input === 'string' ? closest(input, issue.values.map(String)) : undefined;
      if (suggestion) return `Meinten Sie „${suggestion}“?`;
      if (typeof input === 'string' && /[äöüß]/i.test(input)) return 'Verwenden Sie genau einen der genannten Werte; sie schreiben Umlaute als ae, oe, ue und ß als ss.';
      const lowerCase = issue.values.every((v) => String(v) === String(v).toLowerCase());
      if (typeof input === 'string' && /[A-Z]/.test(input) && lowerCase) return 'Verwenden Sie genau einen der genannten Werte, klein geschrieben.';
      return 'Verwenden Sie genau einen der genannten Werte.';
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'Schreiben Sie die Adresse vollständig, z. B. info@beispiel.example.';
      if (issue.format === 'url') return 'Schreiben Sie die Adresse vollständig mit https://.';
      return 'Prüfen Sie die Schreibweise (Muster in der README.md des Ordners).';
    case 'too_small':
      return issue.origin === 'array' ? 'Ergänzen Sie die fehlenden Einträge.' : issue.origin === 'string' ? 'Tragen Sie einen Text ein.' : 'Prüfen Sie die Zahl.';
    case 'too_big':
      return issue.origin === 'array' ? 'Entfernen Sie überzählige Einträge.' : issue.origin === 'string' ? 'Kürzen Sie den Text.' : 'Prüfen Sie die Zahl.';
    default:
      return undefined;
  }
}

/** Field names a strict object at `path` of `schema` allows (for “did you mean”). */
export function keysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: unknown = schema;
  const def = (s: unknown) => (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def ?? {};
  const unwrap = (s: unknown): unknown => {
    for (let i = 0; i < 10; i++) {
      const d = def(s);
      if (d.innerType) s = d.innerType;
      else if (d.type === 'pipe' && d.in) s = d.in;
      else break;
    }
    return s;
  };
  for (const segment of path) {
    const d = def(unwrap(current));
    if (d.type === 'object' && typeof segment === 'string') current = (d.shape as Record<string, unknown>)[segment];
    else if (d.type === 'array') current = d.element;
    else return [];
  }
  const d = def(unwrap(current));
  return d.type === 'object' ? Object.keys(d.shape as object) : [];
}

/** The candidate a typo most likely meant, if one is clearly closest and close enough. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(value.length / 3)));
  const ranked = candidates
    .map((candidate) => ({ candidate, distance: editDistance(value.toLowerCase(), candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  const [best, second] = ranked;
  if (!best || best.distance > limit) return undefined;
  // „art28-3-z“ is as close to a as to h: no guess is better than a wrong one.
  if (second && second.distance === best.distance) return undefined;
  return best.candidate;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, swapped neighbours. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
