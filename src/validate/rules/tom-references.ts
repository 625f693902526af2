import type { AgreementEntry } from '../../lib/content-model.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { isInAnnex, paragraphNumbers } from '../../lib/toms/catalogue.ts';
import { at, listGerman, mayBeUnreadable, type Rule } from '../rule.ts';

/**
 * A TOM's `agreements` and `refs` name agreements, versions, §§ (by id) and paragraphs that exist.
 * A § missing in some versions is fine (the reference is shown where it exists), one missing in all is not.
 */
export const tomReferences: Rule = {
  id: 'tom-verweise',
  description: 'Die Verweise einer Maßnahme auf Vereinbarungen (agreements, refs) führen zu vorhandenen Vereinbarungen, Versionen, Paragraphen und Absätzen.',
  check(content) {
    const out: Diagnostic[] = [];
    const agreements = new Map(content.agreements.map((a) => [a.id, a]));
    const agreementsHint = `Vorhandene Vereinbarungen: ${listGerman([...agreements.keys()], 'keine')}.`;
    /** The agreement, or undefined after reporting it (unless its file could not be read: reported already). */
    const known = (id: string, report: () => void): AgreementEntry | undefined => {
      const agreement = agreements.get(id);
      if (!agreement && !mayBeUnreadable(content, 'agreement', id)) report();
      return agreement;
    };

    for (const tom of content.toms) {
      tom.agreements?.forEach((annex, i) => {
        const agreement = known(annex.agreement, () =>
          out.push(at(content, this.id, tom.source, ['agreements', i, 'agreement'], `Die Vereinbarung „${annex.agreement}“ gibt es nicht.`, agreementsHint)),
        );
        if (!agreement || annex.since === undefined) return;
        if (!agreement.versions.some((v) => v.version === annex.since) && !mayBeUnreadable(content, 'version', `${agreement.id}/`)) {
          out.push(at(content, this.id, tom.source, ['agreements', i, 'since'], `Die Vereinbarung „${agreement.id}“ hat keine Version „${annex.since}“.`, `Vorhandene Versionen: ${listGerman(agreement.versions.map((v) => v.version), 'keine')}.`));
        }
      });

      tom.refs.forEach((ref, i) => {
        const agreement = known(ref.agreement, () =>
          out.push(at(content, this.id, tom.source, ['refs', i, 'agreement'], `Die Vereinbarung „${ref.agreement}“ gibt es nicht.`, agreementsHint)),
        );
        if (!agreement) return;
        if (tom.agreements && !tom.agreements.some((a) => a.agreement === ref.agreement)) {
          out.push(at(content, this.id, tom.source, ['refs', i, 'agreement'], `Die Maßnahme verweist auf die Vereinbarung „${ref.agreement}“, deren Anlage sie nach „agreements“ nicht aufführt.`, `Nehmen Sie „${ref.agreement}“ unter „agreements“ auf oder streichen Sie den Verweis.`));
          return;
        }
        const withSection = agreement.versions.filter((v) => v.sections.some((s) => s.id === ref.section));
        if (withSection.length === 0) {
          if (mayBeUnreadable(content, 'version', `${agreement.id}/`) || mayBeUnreadable(content, 'sections', `${agreement.id}/`)) return;
          const latest = agreement.versions[agreement.versions.length - 1];
          const ids = [...new Set(latest?.sections.map((s) => s.id) ?? [])];
          out.push(at(content, this.id, tom.source, ['refs', i, 'section'], `Einen Paragraphen mit der Kennung „${ref.section}“ gibt es in keiner Version der Vereinbarung „${agreement.id}“.`, `Nennen Sie die Kennung („id“) der §-Datei, nicht ihre Nummer. Kennungen in Version ${latest?.version ?? '–'}: ${listGerman(ids, 'keine')}.`));
          return;
        }
        if (ref.paragraph === undefined) return;
        // Each version whose annex lists the measure must have that paragraph in the § (where the § exists).
        const lacking = withSection.filter(
          (v) => isInAnnex(tom, agreement.id, v.version) && !v.sections.some((s) => s.id === ref.section && paragraphNumbers(s.body).includes(ref.paragraph!)),
        );
        const last = lacking[lacking.length - 1];
        if (!last) return;
        const section = last.sections.find((s) => s.id === ref.section)!;
        const numbers = [...new Set(last.sections.filter((s) => s.id === ref.section).flatMap((s) => paragraphNumbers(s.body)))];
        const versions = listGerman(lacking.map((v) => v.version), '', false);
        out.push(at(content, this.id, tom.source, ['refs', i, 'paragraph'], `Der Paragraph „${ref.section}“ der Vereinbarung „${agreement.id}“ (§\u00a0${section.number}) hat in ${lacking.length === 1 ? 'Version' : 'den Versionen'} ${versions} keinen Absatz ${ref.paragraph}.`, `Absätze in Version ${last.version}: ${listGerman(numbers.map(String), 'keine', false)}. Verweisen Sie auf den ganzen Paragraphen, wenn sich die Absätze zwischen den Versionen verschieben.`));
      });
    }
    return out;
  },
};
