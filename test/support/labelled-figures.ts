/**
 * Reads the signing figures back out of what people read – the council letter, the status page,
 * `npm run ledger -- status` and the open data – as (meaning, number) pairs. The meaning comes from
 * the German words alone (labels, column titles, sentences), never from the code that wrote them,
 * so a label that says „keine Antwort“ over a count that includes declared intent is caught.
 *
 * Keys: `eligible`, `bound`, `bound@1.1`, `offered` (parties with an offer), `open` (not bound, offer
 * open), `intent`, `noAnswer`, `declined`, `terminating`, `ended`, `notOffered`, `offersOpen` (all
 * open offers), `offersOpen:unbound`, `offersOpen:whileBound`, and per version `1.1:offered`,
 * `1.1:signed`, `1.1:open`, `1.1:intent`, `1.1:declined`, `1.1:replaced`, `1.1:openWhileBound`.
 */
export type Figures = Map<string, { value: number; source: string }[]>;

export function record(into: Figures, key: string, value: number, source: string): void {
  const list = into.get(key) ?? [];
  list.push({ value, source });
  into.set(key, list);
}

const WORDS: Record<string, number> = {
  ein: 1, eine: 1, einem: 1, einer: 1, einen: 1, eines: 1, keiner: 0, keine: 0, keinem: 0,
  zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12,
};

/** „87“, „1.200“, „Zwei“, „einem“ → a number. */
export function numberOf(token: string): number {
  const word = WORDS[token.toLowerCase()];
  if (word !== undefined) return word;
  const n = Number(token.replace(/\./g, ''));
  if (!Number.isInteger(n)) throw new Error(`not a count: „${token}“`);
  return n;
}

/** The meaning of a row label or column title about parties (first match wins: the parts before the whole). */
const PARTY_LABELS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Berechtigt/, () => 'eligible'],
  [/^Angebot erhalten/, () => 'offered'],
  [/^davon (?:in )?(?:Fassung|Version) (\d+\.\d+)/, (m) => `bound@${m[1]}`],
  [/Frist läuft/, () => 'terminating'],
  [/Absicht/, () => 'intent'],
  [/keine Antwort|ohne Antwort|nicht beantwortet/i, () => 'noAnswer'],
  [/^(?:Offen|Ohne Vereinbarung, Angebot offen)/, () => 'open'],
  [/^Abgelehnt/, () => 'declined'],
  [/ausgelaufen|beendet/, () => 'ended'],
  [/kein(?:\w*)? Angebot|Ohne Angebot/, () => 'notOffered'],
  [/^Unterzeichnet(?:, Vereinbarung gilt)?$/, () => 'bound'],
];

/** A row label or column title about parties → key, or undefined for places and other rows. */
export function partyKey(label: string): string | undefined {
  for (const [pattern, key] of PARTY_LABELS) {
    const m = label.match(pattern);
    if (m) return key(m);
  }
  return undefined;
}

/** A column of the per-version table → key for version `v`. */
export function versionColumnKey(label: string, v: string): string | undefined {
  const l = label.toLowerCase();
  if (l === 'angeboten') return `${v}:offered`;
  if (l === 'unterzeichnet') return `${v}:signed`;
  if (l === 'offen') return `${v}:open`;
  if (l === 'abgelehnt') return `${v}:declined`;
  if (l === 'ersetzt') return `${v}:replaced`;
  if (l === 'gilt für') return `bound@${v}`;
  return undefined;
}

const NOUN = '(?:Träger|Trägern|Kindertagespflegeperson|Kindertagespflegepersonen)';
const N = '(\\S+)';

/** Sentences about the parties (the letter's first paragraph, `ledger status`). */
const PARTY_SENTENCES: [RegExp, (m: RegExpMatchArray) => [string, number][]][] = [
  [new RegExp(`^Von ${N} ${NOUN}, .*?, (?:hat|haben) ${N} ${NOUN} \\(`), (m) => [['eligible', numberOf(m[1]!)], ['bound', numberOf(m[2]!)]]],
  [new RegExp(`^Von ${N} ${NOUN}, .*?, hat bisher \\S+ die Vereinbarung unterzeichnet`), (m) => [['eligible', numberOf(m[1]!)], ['bound', 0]]],
  [new RegExp(`^${N} von ${N} ${NOUN} (?:hat|haben) unterzeichnet\\.$`), (m) => [['bound', numberOf(m[1]!)], ['eligible', numberOf(m[2]!)]]],
  [new RegExp(`${N} (?:weitere |weiterer )?${NOUN} (?:hat|haben) signalisiert`), (m) => (/^weitere$/i.test(m[1]!) ? [] : [['intent', numberOf(m[1]!)]])], // the recorded letter: „Weitere Träger haben signalisiert …“ gives no count
  [new RegExp(`[Vv]on ${N}(?: ${NOUN})? liegt noch keine Antwort vor`), (m) => [['noAnswer', numberOf(m[1]!)]]],
  [new RegExp(`${N} ${NOUN} (?:hat|haben) den Abschluss abgelehnt`), (m) => [['declined', numberOf(m[1]!)]]],
  [new RegExp(`Für ${N} ${NOUN} ist die Vereinbarung nach (?:seiner|ihrer) Kündigung`), (m) => [['ended', numberOf(m[1]!)]]],
  [new RegExp(`${N} ${NOUN} wurde die Vereinbarung noch nicht angeboten`), (m) => [['notOffered', numberOf(m[1]!)]]],
  [/Insgesamt (?:ist|sind) (\S+) Angebote? noch offen/, (m) => [['offersOpen', numberOf(m[1]!)]]],
  [/Damit ist kein Angebot mehr offen/, () => [['offersOpen', 0]]],
  [new RegExp(`${N} an (?:\\S+ )?${NOUN} ohne Vereinbarung`), (m) => [['offersOpen:unbound', numberOf(m[1]!)]]],
  [new RegExp(`${N} an (?:\\S+ )?${NOUN}, (?:die|der) noch an eine ältere Fassung gebunden`), (m) => [['offersOpen:whileBound', numberOf(m[1]!)]]],
];

/** „Für 57 von ihnen gilt die Fassung 1.1 und für 15 noch die Fassung 1.0.“ */
const SPLIT = /[Ff]ür (\S+)(?: von ihnen gilt)? (?:noch )?die Fassung (\d+\.\d+)/g;

/** Sentences about the offer of one later version. */
const VERSION_SENTENCES: [RegExp, (m: RegExpMatchArray, v: string) => [string, number][]][] = [
  [/angeboten wurde sie (\S+) von/, (m, v) => [[`${v}:offered`, numberOf(m[1]!)]]],
  [/wurde sie noch (?:keinem|keiner) \S+ zur erneuten Unterzeichnung angeboten/, (_m, v) => [[`${v}:offered`, 0]]],
  [new RegExp(`${N} ${NOUN} (?:hat|haben) sie unterzeichnet`), (m, v) => [[`${v}:signed`, numberOf(m[1]!)]]],
  [/unterzeichnet hat sie noch (?:keiner|keine)/, (_m, v) => [[`${v}:signed`, 0]]],
  [/(\S+) Angebote? (?:ist|sind) noch offen(?:, darunter (\S+) mit erklärter Absicht)?/, (m, v) => [[`${v}:open`, numberOf(m[1]!)], ...(m[2] ? [[`${v}:intent`, numberOf(m[2])] as [string, number]] : [])]],
  [new RegExp(`Für ${N}(?: ${NOUN})? mit offenem Angebot gilt`), (m, v) => [[`${v}:openWhileBound`, numberOf(m[1]!)]]],
  [new RegExp(`${N} ${NOUN} (?:hat|haben) die geänderte Fassung abgelehnt`), (m, v) => [[`${v}:declined`, numberOf(m[1]!)]]],
];

/**
 * Reads every figure from running text. A sentence naming a later version („die geänderte Fassung 1.1“,
 * „Fassung 1.1 (beschlossen am …):“) speaks about that version's offer; all others about the parties.
 */
export function readSentences(into: Figures, text: string, source: string): void {
  for (const paragraph of text.split('\n')) {
    const version = paragraph.match(/die geänderte Fassung (\d+\.\d+) der Vereinbarung beschlossen|^Fassung (\d+\.\d+) \(beschlossen/);
    const sentences = paragraph.split(/(?<=\.)\s+(?=[A-ZÄÖÜ0-9])/);
    if (version) {
      const v = (version[1] ?? version[2])!;
      for (const sentence of sentences) for (const [pattern, read] of VERSION_SENTENCES) {
        const m = sentence.match(pattern);
        if (m) for (const [key, value] of read(m, v)) record(into, key, value, `${source}: „${sentence}“`);
      }
      continue;
    }
    for (const sentence of sentences) {
      for (const [pattern, read] of PARTY_SENTENCES) {
        const m = sentence.match(pattern);
        if (m) for (const [key, value] of read(m)) record(into, key, value, `${source}: „${sentence}“`);
      }
      for (const m of sentence.matchAll(SPLIT)) record(into, `bound@${m[2]}`, numberOf(m[1]!), `${source}: „${sentence}“`);
    }
  }
}

/** Where two outputs (or two places in one) give one meaning different numbers. */
export function disagreements(figures: Figures): string[] {
  const out: string[] = [];
  for (const [key, list] of figures) {
    if (new Set(list.map((f) => f.value)).size > 1) out.push(`${key}: ${list.map((f) => `${f.value} (${f.source})`).join(' ≠ ')}`);
  }
  return out;
}

/** The one number of each meaning (after `disagreements` came back empty). */
export function valuesOf(figures: Figures): Map<string, number> {
  return new Map([...figures].map(([key, list]) => [key, list[0]!.value]));
}

/**
 * Parts that exceed their whole, or wholes that are not the sum of their parts, by the definitions
 * of src/lib/signing/terms.ts. Only relations whose figures were all printed are checked.
 */
export function brokenTotals(values: Map<string, number>): string[] {
  const out: string[] = [];
  const get = (key: string) => values.get(key);
  const sum = (keys: string[]) => keys.reduce((s, k) => s + (get(k) ?? 0), 0);
  const part = (partKey: string, wholeKey: string) => {
    const p = get(partKey);
    const w = get(wholeKey);
    if (p !== undefined && w !== undefined && p > w) out.push(`${partKey} = ${p} > ${wholeKey} = ${w}`);
  };
  const whole = (wholeKey: string, parts: string[], required: string[] = parts) => {
    const w = get(wholeKey);
    if (w === undefined || required.some((k) => get(k) === undefined)) return;
    if (sum(parts) !== w) out.push(`${wholeKey} = ${w}, aber ${parts.map((k) => `${k} = ${get(k) ?? 0}`).join(' + ')} = ${sum(parts)}`);
  };
  const versions = [...new Set([...values.keys()].flatMap((k) => k.match(/^(\d+\.\d+):/)?.[1] ?? k.match(/^bound@(\d+\.\d+)$/)?.[1] ?? []))];

  for (const key of values.keys()) if (key !== 'eligible') part(key, 'eligible');
  whole('eligible', ['bound', 'open', 'declined', 'ended', 'notOffered'], ['bound', 'open', 'declined']);
  whole('open', ['intent', 'noAnswer']);
  part('terminating', 'bound');
  part('open', 'offersOpen');
  whole('offersOpen', ['offersOpen:unbound', 'offersOpen:whileBound'], ['offersOpen:unbound']);
  part('offersOpen:unbound', 'offersOpen');
  part('offersOpen:whileBound', 'offersOpen');
  if (get('offersOpen:unbound') !== undefined) whole('open', ['offersOpen:unbound']);
  for (const v of versions) {
    part(`bound@${v}`, 'bound');
    part(`${v}:open`, 'offersOpen');
    part(`${v}:intent`, `${v}:open`);
    part(`${v}:openWhileBound`, `${v}:open`);
    for (const answer of ['signed', 'open', 'declined', 'replaced']) part(`${v}:${answer}`, `${v}:offered`);
    whole(`${v}:offered`, [`${v}:signed`, `${v}:open`, `${v}:declined`, `${v}:replaced`], [`${v}:signed`, `${v}:open`, `${v}:declined`]);
  }
  // Every version's open offers together are the open offers in total (only when every adopted version is in the table).
  const withOpen = versions.filter((v) => get(`${v}:open`) !== undefined);
  if (withOpen.length > 0 && withOpen.length === versions.filter((v) => get(`${v}:offered`) !== undefined).length) {
    whole('offersOpen', withOpen.map((v) => `${v}:open`));
  }
  const bindingVersions = versions.filter((v) => get(`bound@${v}`) !== undefined);
  if (bindingVersions.length > 1) whole('bound', bindingVersions.map((v) => `bound@${v}`));
  return out;
}
