import type { PathSegment } from '../diagnostics.ts';
import type { AgreementEntry, Content, PartyEntry, RegisterEntry } from '../content-model.ts';
import { currentVersionOn, adoptedVersions } from '../agreement/versions.ts';
import { memo } from '../memo.ts';
import { PLAN_IN_FORCE, type EligibilityRule, type RegisterRef, type RegisterRefs } from '../../schemas/register.ts';
import type { PostalAddress } from '../../schemas/common.ts';
import { agreementWords, kindOf, kindWords, partiesFor, registerOf, type RegisterPhrase } from './kinds.ts';

/**
 * Who may sign an agreement on a day: parties of its kinds with an entry (of one of their units,
 * or their own) in the register and plan its eligibility rule names. The rule is that of the
 * version in force on the day (a version may override agreement.yaml), and `plan: in-force` picks
 * the register's plan whose period covers the day.
 */

/** One register entry with its place in the party file (for messages with line numbers). */
export interface LocatedRegisterRef {
  ref: RegisterRef;
  /** The register it is in: its own `register:` or the kind's register. */
  register: string;
  /** Path in the party file, e.g. `['units', 0, 'register']` or `['register', 1]`. */
  path: PathSegment[];
}

/** A unit of a party as eligibility and the outputs see it; a party without units is its own one unit. */
export interface PartyUnit {
  id: string;
  name: string;
  address: PostalAddress;
  refs: LocatedRegisterRef[];
  weight: number;
  /** Path of the unit in the party file (`[]` for the party itself). */
  path: PathSegment[];
  /** True when the party is its own unit (a kind without listed units). */
  isParty: boolean;
}

export function registerRefsOf(refs: RegisterRefs | undefined, defaultRegister: string, path: PathSegment[]): LocatedRegisterRef[] {
  if (!refs) return [];
  const list = Array.isArray(refs) ? refs.map((ref, i) => ({ ref, path: [...path, i] })) : [{ ref: refs, path }];
  return list.map(({ ref, path: p }) => ({ ref, register: ref.register ?? defaultRegister, path: p }));
}

/** The units of a party: the listed ones, or the party itself for a kind without listed units. */
export function unitsOf(content: Content, party: PartyEntry): PartyUnit[] {
  return memo(content, `units:${party.id}:${party.source.file}`, () => {
    const kind = kindOf(content, party.kind);
    const register = kind?.register ?? '';
    if (party.units) {
      return party.units.map((u, i) => ({
        id: u.id,
        name: u.name,
        address: u.address,
        refs: registerRefsOf(u.register, register, ['units', i, 'register']),
        weight: u.weight ?? 0,
        path: ['units', i],
        isParty: false,
      }));
    }
    return [{ id: party.id, name: party.name, address: party.address, refs: registerRefsOf(party.register, register, ['register']), weight: party.weight ?? 0, path: [], isParty: true }];
  });
}

/** The eligibility rule in force on `date` (undated: that of the newest adopted version). */
export function eligibilityRuleOf(agreement: AgreementEntry, date?: string): EligibilityRule {
  const version = date === undefined ? adoptedVersions(agreement).at(-1) : currentVersionOn(agreement, date);
  return version?.eligibility ?? agreement.eligibility;
}

/** The plan of a register in force on `date`: the period that covers it (undated: the newest period). */
export function planOn(register: RegisterEntry, date?: string): string | undefined {
  const periods = [...register.periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  if (date === undefined) return periods.at(-1)?.plan;
  let found: string | undefined;
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i]!;
    const next = periods[i + 1];
    const ends = p.until ?? (next ? dayBefore(next.from) : undefined);
    if (p.from <= date && (!ends || date <= ends)) found = p.plan;
  }
  return found;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** What decides eligibility on a day: register and plan, and how sentences name them. */
export interface EligibilityOn extends RegisterPhrase {
  registerId: string;
  register?: RegisterEntry;
  /** The plan that counts; undefined when `in-force` finds no period covering the day. */
  plan?: string;
}

export function eligibilityOn(content: Content, agreement: AgreementEntry, date?: string): EligibilityOn {
  return resolveRule(content, eligibilityRuleOf(agreement, date), date);
}

/** The register and plan a rule names on `date` (undated: a fixed plan, or the newest period for `in-force`). */
export function resolveRule(content: Content, rule: EligibilityRule, date?: string): EligibilityOn {
  return memo(content, `eligibility-rule:${rule.register}:${rule.plan}:${date ?? ''}`, () => {
    const register = registerOf(content, rule.register);
    const plan = rule.plan === PLAN_IN_FORCE ? (register ? planOn(register, date) : undefined) : rule.plan;
    const name = register?.name ?? rule.register;
    return { registerId: rule.register, register, plan, name, label: plan ? `${name} ${plan}` : name, gender: register?.gender ?? 'n' };
  });
}

/** The entry counts for `rule` (on `date`, when given: between `since` and `until`). */
function counts(ref: LocatedRegisterRef, rule: EligibilityOn, date: string | undefined): boolean {
  if (rule.plan === undefined || ref.register !== rule.registerId || ref.ref.plan !== rule.plan) return false;
  if (date === undefined) return true;
  return (!ref.ref.since || ref.ref.since <= date) && (!ref.ref.until || date <= ref.ref.until);
}

/** The party's units that are in the register and plan the agreement's rule names (on `date`, when given). */
export function unitsInPlan(content: Content, party: PartyEntry, agreement: AgreementEntry, date?: string): { unit: PartyUnit; ref: RegisterRef }[] {
  return unitsUnderRule(content, party, eligibilityOn(content, agreement, date), date);
}

/** The party's units with an entry that counts for `rule` (on `date`, when given). */
export function unitsUnderRule(content: Content, party: PartyEntry, rule: EligibilityOn, date?: string): { unit: PartyUnit; ref: RegisterRef }[] {
  const out: { unit: PartyUnit; ref: RegisterRef }[] = [];
  for (const unit of unitsOf(content, party)) {
    const hit = unit.refs.find((r) => counts(r, rule, date));
    if (hit) out.push({ unit, ref: hit.ref });
  }
  return out;
}

/**
 * A party may sign when it is of one of the agreement's kinds and (one of its units) is in the
 * register's plan – on `date`, when one is given, so that a party added today does not change a
 * figure of 2022.
 */
export function isEligible(content: Content, party: PartyEntry, agreement: AgreementEntry, date?: string): boolean {
  if (!agreement.party_kinds.includes(party.kind)) return false;
  return unitsInPlan(content, party, agreement, date).length > 0;
}

export function eligibleParties(content: Content, agreement: AgreementEntry, date?: string): PartyEntry[] {
  return memo(content, `eligible:${agreement.id}:${date ?? ''}`, () => partiesFor(content, agreement).filter((party) => isEligible(content, party, agreement, date)));
}

/** The weight (places, pupils …) of a party that counts for the agreement (on `date`): only units in the plan count. */
export function weightOf(content: Content, party: PartyEntry, agreement: AgreementEntry, date?: string): number {
  return unitsInPlan(content, party, agreement, date).reduce((sum, { unit }) => sum + unit.weight, 0);
}

/** Every day a party's eligibility can change: the `since` and the day after each `until` of its entries. */
export function eligibilityChangeDays(content: Content, party: PartyEntry): string[] {
  const days: string[] = [];
  for (const unit of unitsOf(content, party)) {
    for (const { ref } of unit.refs) {
      if (ref.since) days.push(ref.since);
      if (ref.until) days.push(dayAfter(ref.until));
    }
  }
  return days;
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Why a party may not sign an agreement (on `date`), after its name: „gehört nicht zum Kreis dieser
 * Vereinbarung (sie gilt für Träger)“ or the kind's clause, „hat am 7. Dezember 2026 keine
 * Einrichtung im Bedarfsplan 2021/2022“. `on` is the day as text, when the sentence names it.
 */
export function notEligibleReason(content: Content, party: PartyEntry, agreement: AgreementEntry, date?: string, on?: string): string {
  if (!agreement.party_kinds.includes(party.kind)) return `gehört nicht zum Kreis dieser Vereinbarung (sie gilt für ${agreementWords(content, agreement).many})`;
  return kindWords(content, party.kind).notEligible(eligibilityOn(content, agreement, date), on);
}
