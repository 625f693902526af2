import { z } from 'zod';
import { exampleMark, isoDate, nonEmptyText, slugId } from './common.ts';
import { gender } from './party-kind.ts';

/** One plan period of a register: the plan in force from `from` (until `until`, or until the next one starts). */
export const planPeriodSchema = z
  .strictObject({
    /** The plan's name as entries name it, e.g. "2021/2022". */
    plan: nonEmptyText,
    from: isoDate,
    until: isoDate.optional(),
    /** The period's dates are example data, not from the council documents. */
    beispiel: exampleMark,
  })
  .refine((p) => !p.until || p.from <= p.until, { error: '„until“ darf nicht vor „from“ liegen', path: ['until'], params: { hint: 'Setzen Sie „until“ auf den letzten Tag des Zeitraums, frühestens auf „from“.' } });
export type PlanPeriod = z.infer<typeof planPeriodSchema>;

/**
 * `content/registers/<id>.yaml`: a register that decides who may sign (a needs plan, a school
 * network plan, a membership list …), with its plan periods.
 */
export const registerSchema = z.strictObject({
  /** Equals the file name, e.g. `bedarfsplan`. */
  id: slugId,
  /** „Bedarfsplan“: sentences write „im Bedarfsplan 2021/2022“. */
  name: nonEmptyText,
  /** Gender of `name`, for „im“/„in der“ and the articles. */
  gender,
  /** Heading of the entry number column, e.g. „Nr. im Bedarfsplan“; default „Nr. im <name>“. */
  entry_label: nonEmptyText.optional(),
  periods: z.array(planPeriodSchema).min(1, { error: 'braucht mindestens einen Planzeitraum' }),
  beispiel: exampleMark,
});
export type Register = z.infer<typeof registerSchema>;

/** An entry of a unit (or a party without units) in a register: which plan, which number, since and until when. */
export const registerRefSchema = z
  .strictObject({
    /** The register (a file `registers/<id>.yaml`); default: the register of the party's kind. */
    register: slugId.optional(),
    /** Which plan, e.g. "2021/2022" — a `plan` of the register's periods. */
    plan: nonEmptyText,
    /** The number in that plan. */
    entry: nonEmptyText,
    /**
     * Since when (and until when) the entry is in the plan: a figure for a day before `since`
     * or after `until` does not count it. Without `since` it counts from the start.
     */
    since: isoDate.optional(),
    until: isoDate.optional(),
  })
  .refine((b) => !b.since || !b.until || b.since <= b.until, { error: '„until“ darf nicht vor „since“ liegen', path: ['until'], params: { hint: 'Setzen Sie „until“ auf den letzten Tag im Plan, frühestens auf „since“.' } });
export type RegisterRef = z.infer<typeof registerRefSchema>;

/** One entry or a list of them (a unit in several plans, or again after a gap). */
export const registerRefsSchema = z.union([registerRefSchema, z.array(registerRefSchema).min(1, { error: 'darf nicht leer sein' })], {
  error: 'muss ein Eintrag { plan, entry } oder eine Liste solcher Einträge sein',
});

/** Either form of `register:` in a party file. */
export type RegisterRefs = RegisterRef | RegisterRef[];

/** How an agreement (or a version) decides eligibility: entries in `register`, in a fixed `plan` or the plan in force on the day. */
export const eligibilityRuleSchema = z.strictObject({
  register: slugId,
  /** A plan of the register's periods, e.g. "2021/2022", or `in-force`: the plan whose period covers the day. */
  plan: nonEmptyText,
});
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

/** The `plan` value that picks the plan in force on the day. */
export const PLAN_IN_FORCE = 'in-force';
