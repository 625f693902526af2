import { parse, stringify } from 'yaml';
import type { Regime } from '../schemas/common.ts';

/**
 * Synthetic content for the benchmark: a real content folder with its providers and their
 * ledger replaced by `providers` generated ones (deterministic from `seed`). Agreements, TOMs,
 * DPIA and council stay as they are, so the PDFs have the real length (the council's recorded
 * figures, which the synthetic ledger would contradict, are left out).
 */
export interface SyntheticOptions {
  providers: number;
  seed: number;
}

/** Files of a content folder: relative path → text. */
export type ContentFiles = Map<string, string>;

/** mulberry32: small, fast, and the same numbers on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAME_STEMS = ['Sonnenschein', 'Regenbogen', 'Morgenstern', 'Kinderland', 'Pusteblume', 'Wichtelhaus', 'Lindenhof', 'Spatzennest', 'Abenteuerland', 'Sternschnuppe', 'Löwenzahn', 'Heidepark', 'Kunterbunt', 'Waldwichtel', 'Eulennest', 'Apfelbaum'];
const PROVIDER_FORMS: { suffix: string; legal: string; regime: Regime; prefix?: string }[] = [
  { suffix: 'e. V.', legal: 'eingetragener Verein', regime: 'dsgvo' },
  { suffix: 'gGmbH', legal: 'gemeinnützige GmbH', regime: 'dsgvo' },
  { suffix: 'e. V.', legal: 'eingetragener Verein', regime: 'dsgvo', prefix: 'Elterninitiative' },
  { suffix: '', legal: 'Körperschaft des öffentlichen Rechts', regime: 'kdg', prefix: 'Katholische Kirchgemeinde St.' },
  { suffix: '', legal: 'Körperschaft des öffentlichen Rechts', regime: 'dsg-ekd', prefix: 'Ev.-Luth. Kirchgemeinde' },
];
const STREETS = ['Hauptstraße', 'Bahnhofstraße', 'Schulstraße', 'Gartenstraße', 'Lindenstraße', 'Bergstraße', 'Kirchstraße', 'Waldstraße', 'Ringstraße', 'Parkstraße', 'Mühlweg', 'Am Markt'];
const POSTAL_CODES = ['01067', '01069', '01097', '01099', '01127', '01139', '01157', '01169', '01187', '01217', '01237', '01257', '01277', '01307', '01309', '01324'];
const FACILITY_KINDS = ['Kindertagesstätte', 'Kindergarten', 'Kinderkrippe', 'Hort', 'Kinderhaus'];
const FUNCTIONS = ['Geschäftsführerin', 'Geschäftsführer', 'Vorstandsvorsitzende', 'Vorstand', 'Pfarrer', 'Verwaltungsleiterin'];
const FIRST = ['Anna', 'Jonas', 'Marie', 'Paul', 'Sophie', 'Felix', 'Lena', 'Max', 'Clara', 'Emil'];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Richter'];

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

interface TraegerAgreement {
  id: string;
  bedarfsplan: string;
  /** Non-draft versions with their adoption date, oldest first. */
  versions: { version: string; adopted: string }[];
}

/** Every agreement providers sign: each gets a generated ledger (the real ones name the real providers). */
function findTraegerAgreements(base: ContentFiles): TraegerAgreement[] {
  const found: TraegerAgreement[] = [];
  for (const [file, text] of base) {
    const match = /^agreements\/([^/]+)\/agreement\.yaml$/.exec(file);
    if (!match) continue;
    const agreement = parse(text) as { id: string; party_kind: string; bedarfsplan: string };
    if (agreement.party_kind !== 'traeger') continue;
    const versions: TraegerAgreement['versions'] = [];
    for (const [vf, vtext] of base) {
      if (!vf.startsWith(`agreements/${match[1]}/`) || !vf.endsWith('/version.yaml')) continue;
      const v = parse(vtext) as { version: string; status: string; adopted?: string };
      if (v.status !== 'entwurf' && v.adopted) versions.push({ version: v.version, adopted: v.adopted });
    }
    versions.sort((a, b) => (a.adopted < b.adopted ? -1 : 1));
    found.push({ id: agreement.id, bedarfsplan: String(agreement.bedarfsplan), versions });
  }
  if (found.length === 0) throw new Error('Die Inhalte enthalten keine Vereinbarung mit „party_kind: traeger“.');
  return found;
}

export function buildSyntheticContent(base: ContentFiles, options: SyntheticOptions): ContentFiles {
  const agreements = findTraegerAgreements(base);
  // The facilities' plan: the one of an agreement with adopted versions (drafts offer nothing yet).
  const agreement = agreements.find((a) => a.versions.length > 0) ?? agreements[0]!;
  const random = createRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const out: ContentFiles = new Map();
  for (const [file, text] of base) {
    if (/^parties\/traeger\/[^/]+\.yaml$/.test(file)) continue;
    if (agreements.some((a) => file === `ledger/${a.id}.yaml`)) continue;
    out.set(file, text);
  }
  // Parties live where the body is (organisation.yaml `place`).
  const city = (parse(base.get('organisation.yaml') ?? '') as { place?: string } | null)?.place ?? 'Musterstadt';
  const width = Math.max(3, String(options.providers).length);
  const entries = new Map(agreements.map((a) => [a.id, [] as Record<string, unknown>[]]));
  let entryNumber = 0;
  for (let i = 1; i <= options.providers; i++) {
    const id = `traeger-${String(i).padStart(width, '0')}`;
    const roll = random();
    const form = PROVIDER_FORMS[roll < 0.45 ? 0 : roll < 0.65 ? 1 : roll < 0.72 ? 2 : roll < 0.88 ? 3 : 4]!;
    const stem = pick(NAME_STEMS);
    const name = form.prefix ? `${form.prefix} ${stem} ${i}` : `${stem} ${i} ${form.suffix}`.trim();
    const facilities = Array.from({ length: int(1, 5) }, (_, f) => {
      const inPlan = random() < 0.85;
      return {
        id: `einr-${String(i).padStart(width, '0')}-${String(f + 1).padStart(2, '0')}`,
        name: `${pick(FACILITY_KINDS)} ${pick(NAME_STEMS)}`,
        address: { street: `${pick(STREETS)} ${int(1, 180)}`, postal_code: pick(POSTAL_CODES), city },
        ...(inPlan ? { bedarfsplan: { plan: agreement.bedarfsplan, entry: `KT-${String(++entryNumber).padStart(4, '0')}` } } : {}),
        places: int(12, 160),
      };
    });
    const provider = {
      id,
      name,
      legal_form: form.legal,
      regime: form.regime,
      address: { street: `${pick(STREETS)} ${int(1, 180)}`, postal_code: pick(POSTAL_CODES), city },
      publish_signing_status: random() < 0.6,
      facilities,
      contacts: [{ name: `${pick(FIRST)} ${pick(LAST)}`, function: pick(FUNCTIONS) }],
    };
    out.set(`parties/traeger/${id}.yaml`, stringify(provider, { lineWidth: 0 }));
    if (!facilities.some((f) => 'bedarfsplan' in f)) continue;
    // Every agreement of the same plan: drafts have no adopted version and get an empty ledger.
    for (const signed of agreements.filter((a) => a.bedarfsplan === agreement.bedarfsplan)) {
      for (const version of signed.versions) {
        if (random() < 0.15) continue;
        const offered = addDays(version.adopted, int(3, 20));
        const entry: Record<string, unknown> = { party: id, version: version.version, offered };
        const outcome = random();
        if (outcome < 0.6) {
          entry.signed = addDays(offered, int(5, 120));
          entry.form = random() < 0.7 ? 'schriftlich' : 'elektronisch';
          entry.signatory = { name: `${pick(FIRST)} ${pick(LAST)}`, function: pick(FUNCTIONS) };
        } else if (outcome < 0.7) {
          entry.declined = addDays(offered, int(5, 120));
        } else if (outcome < 0.85) {
          entry.intent = addDays(offered, int(5, 60));
        }
        entries.get(signed.id)!.push(entry);
      }
    }
  }
  for (const [id, list] of entries) out.set(`ledger/${id}.yaml`, stringify({ agreement: id, entries: list }, { lineWidth: 0 }));
  // The council's recorded figures are those of the real providers: synthetic ones would contradict them.
  const council = out.get('council/council.yaml');
  if (council) out.set('council/council.yaml', council.replace(/^\s*reported:.*\n/gm, ''));
  return out;
}
