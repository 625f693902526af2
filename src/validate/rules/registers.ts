import type { Content, RegisterEntry, SourceRef } from '../../lib/content-model.ts';
import { formatDateDe } from '../../lib/dates.ts';
import type { Diagnostic, PathSegment } from '../../lib/diagnostics.ts';
import { unitsOf } from '../../lib/parties/eligibility.ts';
import { kindOf, registerOf } from '../../lib/parties/kinds.ts';
import { PLAN_IN_FORCE, type EligibilityRule } from '../../schemas/register.ts';
import { at, listGerman, mayBeUnreadable, type Rule } from '../rule.ts';

/**
 * Registers (`registers/<id>.yaml`) and what refers to them: plan periods that do not overlap,
 * register entries of units and parties in a declared register and plan, eligibility rules of
 * agreements and versions that name a register and one of its plans (or `in-force`).
 */
export const registers: Rule = {
  id: 'register',
  description: 'Register haben Planzeiträume ohne Überschneidung; Registereinträge und Teilnahmeregeln (eligibility) nennen ein vorhandenes Register und einen seiner Pläne.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const register of content.registers) out.push(...overlaps(content, this.id, register));

    const known = `Vorhandene Register: ${listGerman(content.registers.map((r) => r.id), 'keine')}.`;
    const plansOf = (r: RegisterEntry) => [...new Set(r.periods.map((p) => p.plan))];
    /** Reports a register id or plan that does not exist; `inForce` allows `plan: in-force`. */
    const checkRef = (source: SourceRef, path: PathSegment[], registerId: string, plan: string, registerField: PathSegment[] | undefined, inForce: boolean) => {
      const register = registerOf(content, registerId);
      if (!register) {
        if (mayBeUnreadable(content, 'register', registerId)) return;
        out.push(at(content, this.id, source, registerField ?? path, `Das Register „${registerId}“ gibt es nicht (registers/${registerId}.yaml fehlt).`, known));
        return;
      }
      if (inForce && plan === PLAN_IN_FORCE) return;
      if (plansOf(register).includes(plan)) return;
      out.push(
        at(
          content,
          this.id,
          source,
          [...path, 'plan'],
          `Der Plan „${plan}“ steht nicht unter den Planzeiträumen von ${register.source.file}.`,
          `Vorhandene Pläne: ${listGerman(plansOf(register), 'keine')}${inForce ? ` – oder „${PLAN_IN_FORCE}“ für den am Tag geltenden Plan` : ''}. Ergänzen Sie sonst den Zeitraum im Register.`,
        ),
      );
    };

    for (const party of content.parties) {
      if (!kindOf(content, party.kind)) continue; // reported by „partnerarten“
      for (const unit of unitsOf(content, party)) {
        for (const ref of unit.refs) {
          // An entry without `register:` is in its kind's register; an unknown one is reported at the kind.
          if (!ref.ref.register && !registerOf(content, ref.register)) continue;
          checkRef(party.source, ref.path, ref.register, ref.ref.plan, ref.ref.register ? [...ref.path, 'register'] : undefined, false);
        }
      }
    }
    for (const kind of content.kinds) {
      if (!registerOf(content, kind.register) && !mayBeUnreadable(content, 'register', kind.register)) {
        out.push(at(content, this.id, kind.source, ['register'], `Das Register „${kind.register}“ gibt es nicht (registers/${kind.register}.yaml fehlt).`, known));
      }
    }
    const checkRule = (source: SourceRef, rule: EligibilityRule) => checkRef(source, ['eligibility'], rule.register, rule.plan, ['eligibility', 'register'], true);
    for (const agreement of content.agreements) {
      checkRule(agreement.source, agreement.eligibility);
      for (const version of agreement.versions) if (version.eligibility) checkRule(version.source, version.eligibility);
    }
    return out;
  },
};

/** Periods of one register that cover a common day (an open end runs until the next period starts). */
function overlaps(content: Content, rule: string, register: RegisterEntry): Diagnostic[] {
  const out: Diagnostic[] = [];
  const indexed = register.periods.map((p, i) => ({ p, i })).sort((a, b) => (a.p.from < b.p.from ? -1 : a.p.from > b.p.from ? 1 : 0));
  for (let k = 1; k < indexed.length; k++) {
    const before = indexed[k - 1]!;
    const after = indexed[k]!;
    if (before.p.until !== undefined && before.p.until < after.p.from) continue;
    if (before.p.until === undefined && before.p.from < after.p.from) continue; // open end: it ends where the next begins
    out.push(
      at(
        content,
        rule,
        register.source,
        ['periods', after.i, 'from'],
        `Der Planzeitraum „${after.p.plan}“ ab ${formatDateDe(after.p.from)} überschneidet sich mit „${before.p.plan}“ (ab ${formatDateDe(before.p.from)}${before.p.until ? ` bis ${formatDateDe(before.p.until)}` : ''}).`,
        'An jedem Tag gilt höchstens ein Plan: lassen Sie den früheren Zeitraum vor dem späteren enden („until“).',
      ),
    );
  }
  return out;
}
