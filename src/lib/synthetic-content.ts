import { parse, stringify } from 'yaml';

/**
 * Synthetic content for the benchmark: a real content folder with the parties of one kind and
 * the ledger of its agreement replaced by `parties` generated ones (deterministic from `seed`).
 * Everything the generated parties are made of – names, legal forms, regimes, units, addresses,
 * contacts, register entries, weights – is drawn from the folder's own parties of that kind, so no
 * body's words live here. Agreements, TOMs, DPIA and council stay as they are, so the PDFs have the
 * real length (the council's recorded figures, which the synthetic ledger would contradict, are
 * left out).
 */
export interface SyntheticOptions {
  /** How many parties to generate. */
  parties: number;
  seed: number;
}

/** Files of a content folder: relative path → text. */
export type ContentFiles = Map<string, string>;

/** What was generated: the kind and its plural, for the benchmark's labels. */
export interface SyntheticKind {
  id: string;
  /** „Träger“ (the kind's `words.many`). */
  many: string;
}

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

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

type Yaml = Record<string, unknown>;
type RegisterRefYaml = { register?: string; plan: string; entry: string };

interface TargetAgreement {
  id: string;
  plan: string;
  register: string;
  /** Adopted versions with their adoption date, oldest first. */
  versions: { version: string; adopted: string }[];
}

interface Target {
  kind: Yaml & { id: string; units?: { listed?: boolean }; weight?: unknown; natural_person?: boolean; words: { many: string } };
  agreement: TargetAgreement;
  versions: TargetAgreement['versions'];
  /** Every agreement made with the kind (the target's included): each gets a ledger of the generated parties. */
  siblings: TargetAgreement[];
  parties: Yaml[];
}

/** The kind to generate: the first kind of the site's main agreement (else of the first agreement), with its parties. */
function findTarget(base: ContentFiles): Target {
  const site = (base.has('site.yaml') ? parse(base.get('site.yaml')!) : {}) as { main_agreement?: string };
  const agreements = [...base]
    .filter(([file]) => /^agreements\/[^/]+\/agreement\.yaml$/.test(file))
    .map(([, text]) => parse(text) as { id: string; party_kinds?: string[]; eligibility?: { register: string; plan: string } })
    .sort((a, b) => (a.id === site.main_agreement ? -1 : b.id === site.main_agreement ? 1 : a.id < b.id ? -1 : 1));
  const resolve = (agreement: (typeof agreements)[number]): TargetAgreement => {
    let plan = agreement.eligibility!.plan;
    if (plan === 'in-force') {
      const register = parse(base.get(`registers/${agreement.eligibility!.register}.yaml`) ?? 'periods: []') as { periods: { plan: string; from: string }[] };
      plan = [...register.periods].sort((a, b) => (a.from < b.from ? -1 : 1)).at(-1)?.plan ?? plan;
    }
    const versions: TargetAgreement['versions'] = [];
    for (const [vf, vtext] of base) {
      if (!vf.startsWith(`agreements/${agreement.id}/`) || !vf.endsWith('/version.yaml')) continue;
      const v = parse(vtext) as { version: string; status: string; adopted?: string };
      if (v.status !== 'entwurf' && v.adopted) versions.push({ version: v.version, adopted: v.adopted });
    }
    versions.sort((a, b) => (a.adopted < b.adopted ? -1 : 1));
    return { id: agreement.id, plan, register: agreement.eligibility!.register, versions };
  };
  for (const agreement of agreements) {
    const kindId = agreement.party_kinds?.[0];
    const kindText = kindId ? base.get(`parties/${kindId}.yaml`) : undefined;
    if (!kindId || !kindText || !agreement.eligibility) continue;
    const kind = parse(kindText) as Target['kind'];
    const parties = [...base].filter(([file]) => file.startsWith(`parties/${kindId}/`) && file.endsWith('.yaml')).map(([, text]) => parse(text) as Yaml);
    if (parties.length === 0) continue;
    const target = resolve(agreement);
    const siblings = agreements.filter((a) => a.eligibility && a.party_kinds?.includes(kindId)).map(resolve);
    return { kind, agreement: target, versions: target.versions, siblings, parties };
  }
  throw new Error('Die Inhalte enthalten keine Vereinbarung mit einer beschriebenen Art von Vertragspartnern (party_kinds, parties/<art>.yaml) und deren Partnern.');
}

/** Register entries of a unit or party, as a list. */
function refsOf(value: unknown): RegisterRefYaml[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]) as RegisterRefYaml[];
}

export function buildSyntheticContent(base: ContentFiles, options: SyntheticOptions): ContentFiles {
  return buildSynthetic(base, options).files;
}

/** The files and the kind they were generated for. */
export function buildSynthetic(base: ContentFiles, options: SyntheticOptions): { files: ContentFiles; kind: SyntheticKind } {
  const target = findTarget(base);
  const { kind, agreement } = target;
  const random = createRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  // Pools from the folder's own parties of the kind.
  const listed = Boolean(kind.units) && kind.units?.listed !== false;
  const units = target.parties.flatMap((p) => (Array.isArray(p.units) ? (p.units as Yaml[]) : []));
  const addresses = [...target.parties.map((p) => p.address), ...units.map((u) => u.address)].filter(Boolean) as Yaml[];
  const unitNames = units.map((u) => String(u.name));
  const contacts = target.parties.flatMap((p) => (Array.isArray(p.contacts) ? (p.contacts as Yaml[]) : []));
  const weights = (listed ? units.map((u) => u.weight) : target.parties.map((p) => p.weight)).filter((w): w is number => typeof w === 'number');
  const [minWeight, maxWeight] = weights.length > 0 ? [Math.min(...weights), Math.max(...weights)] : [1, 1];
  const entries = (listed ? units.map((u) => u.register) : target.parties.map((p) => p.register)).flatMap(refsOf);
  const entryPrefix = entries[0]?.entry.replace(/\d+$/, '') ?? 'E-';
  const inPlanShare = entries.length > 0 ? Math.min(0.95, Math.max(0.5, entries.length / Math.max(1, listed ? units.length : target.parties.length))) : 0.85;

  const out: ContentFiles = new Map();
  for (const [file, text] of base) {
    if (file.startsWith(`parties/${kind.id}/`) && file.endsWith('.yaml')) continue;
    if (target.siblings.some((a) => file === `ledger/${a.id}.yaml`)) continue;
    out.set(file, text);
  }
  // The ledgers of every agreement made with the kind lose the real parties of the kind (the
  // generated ones take their place); entries of other kinds' parties stay.
  const realIds = new Set(target.parties.map((p) => String(p.id)));
  const ledgers = new Map(
    target.siblings.map((a) => {
      const real = base.get(`ledger/${a.id}.yaml`);
      const kept = real ? ((parse(real) as { entries?: Yaml[] } | null)?.entries ?? []).filter((e) => !realIds.has(String(e.party))) : [];
      return [a.id, kept];
    }),
  );
  const width = Math.max(3, String(options.parties).length);
  let entryNumber = 0;
  // The kind's own register is the default of an entry; another one is named.
  const registerId = agreement.register === (kind as { register?: string }).register ? {} : { register: agreement.register };
  const registerRef = () => (random() < inPlanShare ? { register: { ...registerId, plan: agreement.plan, entry: `${entryPrefix}${String(++entryNumber).padStart(5, '0')}` } } : {});
  const weight = () => (kind.weight ? { weight: int(minWeight, maxWeight) } : {});
  for (let i = 1; i <= options.parties; i++) {
    const id = `${kind.id}-${String(i).padStart(width, '0')}`;
    const template = pick(target.parties);
    const party: Yaml = {
      id,
      name: `${String(template.name)} (${i})`,
      ...(template.legal_form ? { legal_form: template.legal_form } : {}),
      ...(template.regime ? { regime: template.regime } : {}),
      ...(kind.natural_person ? { oeffentlich: false } : {}),
      address: { ...pick(addresses) },
    };
    let inPlan = false;
    if (listed) {
      party.units = Array.from({ length: int(1, 5) }, (_, u) => {
        const ref = registerRef();
        if ('register' in ref) inPlan = true;
        return { id: `${id}-${String(u + 1).padStart(2, '0')}`, name: `${pick(unitNames)} ${i}-${u + 1}`, address: { ...pick(addresses) }, ...ref, ...weight() };
      });
    } else {
      const ref = registerRef();
      inPlan = 'register' in ref;
      Object.assign(party, ref, weight());
    }
    if (!kind.natural_person) {
      party.publish_signing_status = random() < 0.6;
      if (contacts.length > 0) {
        const { name, function: role } = pick(contacts) as { name: string; function: string };
        party.contacts = [{ name, function: role }];
      }
    }
    out.set(`parties/${kind.id}/${id}.yaml`, stringify(party, { lineWidth: 0 }));
    if (!inPlan) continue;
    // Every agreement with the same register and plan offers its adopted versions (a draft none yet).
    for (const signed of target.siblings.filter((a) => a.register === agreement.register && a.plan === agreement.plan)) {
      for (const version of signed.versions) {
        if (random() < 0.15) continue;
        const offered = addDays(version.adopted, int(3, 20));
        const entry: Record<string, unknown> = { party: id, version: version.version, offered };
        const outcome = random();
        if (outcome < 0.6) {
          entry.signed = addDays(offered, int(5, 120));
          entry.form = random() < 0.7 ? 'schriftlich' : 'elektronisch';
          const signer = contacts.length > 0 ? (pick(contacts) as { name: string; function: string }) : { name: String(party.name), function: kind.words.many };
          entry.signatory = { name: signer.name, function: signer.function };
        } else if (outcome < 0.7) {
          entry.declined = addDays(offered, int(5, 120));
        } else if (outcome < 0.85) {
          entry.intent = addDays(offered, int(5, 60));
        }
        ledgers.get(signed.id)!.push(entry);
      }
    }
  }
  for (const [id, entries] of ledgers) out.set(`ledger/${id}.yaml`, stringify({ agreement: id, entries }, { lineWidth: 0 }));
  // The council's recorded figures are those of the real parties: synthetic ones would contradict them.
  const council = out.get('council/council.yaml');
  if (council) out.set('council/council.yaml', council.replace(/^\s*reported:.*\n/gm, ''));
  return { files: out, kind: { id: kind.id, many: kind.words.many } };
}
