import type { Regime } from '../../schemas/common.ts';
import type { Content, Section, Version } from '../../lib/content-model.ts';
import { regimeIds, regimeLabel } from '../../lib/vocabulary.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, listGerman, mayBeUnreadable, type Rule } from '../rule.ts';

const NBSP = '\u00a0';
const para = (n: number) => `§${NBSP}${n}`;

/** „ (für KDG und DSG-EKD)“, or nothing when it concerns every regime. */
function scope(content: Content, regimes: readonly Regime[]): string {
  return regimes.length === regimeIds(content).length ? '' : ` (für ${listGerman(regimes.map((r) => regimeLabel(content, r)), '', false)})`;
}

export const sectionNumbering: Rule = {
  id: 'paragraphen-nummerierung',
  description: 'Paragraphen sind je Version und Rechtsrahmen lückenlos ab 1 nummeriert; Fassungen eines Paragraphen teilen Kennung und Nummer und gelten für verschiedene Rechtsrahmen.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const agreement of content.agreements) {
      for (const version of agreement.versions) {
        // A section that could not be read is reported already; numbering is checked once it can be.
        if (mayBeUnreadable(content, 'sections', `${agreement.folder}/${version.folder}`)) continue;
        if (version.sections.length === 0) {
          out.push(at(content, this.id, version.source, [], `Version ${version.version} hat keine Paragraphen.`, 'Legen Sie im Ordner der Version je Paragraph eine MDX-Datei an (Muster in content/agreements/README.md).'));
          continue;
        }
        out.push(...variants(this.id, version), ...duplicates(this.id, version), ...gaps(this.id, version));
      }
    }
    return out;

    function variants(rule: string, version: Version): Diagnostic[] {
      const found: Diagnostic[] = [];
      const byId = new Map<string, Section>();
      for (const section of version.sections) {
        const other = byId.get(section.id);
        if (!other) {
          byId.set(section.id, section);
          continue;
        }
        if (other.number !== section.number) {
          found.push(at(content, rule, section.source, ['number'], `Der Paragraph „${section.id}“ hat hier die Nummer ${section.number}, in ${where(other, 'number')} aber ${other.number}.`, 'Fassungen desselben Paragraphen müssen dieselbe Nummer tragen.'));
        }
        const shared = section.regimes.filter((r) => other.regimes.includes(r));
        if (shared.length > 0) {
          found.push(at(content, rule, section.source, ['regimes'], `Die Fassungen von „${section.id}“ überschneiden sich: auch ${where(other, 'regimes')} gilt für ${listGerman(shared.map((r) => regimeLabel(content, r)), '', false)}.`, 'Jede Fassung eines Paragraphen gilt für andere Rechtsrahmen: passen Sie „regimes“ an oder vergeben Sie eine neue Kennung.'));
        }
      }
      return found;
    }

    function duplicates(rule: string, version: Version): Diagnostic[] {
      // Two different sections with one number, for the regimes in which both apply.
      const found: Diagnostic[] = [];
      const sections = version.sections;
      sections.forEach((section, i) => {
        for (const other of sections.slice(0, i)) {
          if (other.number !== section.number || other.id === section.id) continue;
          const shared = regimeIds(content).filter((r) => section.regimes.includes(r) && other.regimes.includes(r));
          if (shared.length === 0) continue;
          found.push(at(content, rule, section.source, ['number'], `${para(section.number)} ist doppelt vergeben${scope(content, shared)}: auch „${other.id}“ in ${where(other, 'number')} hat diese Nummer.`, 'Nummerieren Sie die Paragraphen fortlaufend und ohne Doppelungen.'));
          return;
        }
      });
      return found;
    }

    function gaps(rule: string, version: Version): Diagnostic[] {
      const missing = new Map<number, Regime[]>();
      for (const regime of regimeIds(content)) {
        const numbers = new Set(version.sections.filter((s) => s.regimes.includes(regime)).map((s) => s.number));
        const max = Math.max(0, ...numbers);
        for (let n = 1; n <= max; n++) if (!numbers.has(n)) missing.set(n, [...(missing.get(n) ?? []), regime]);
      }
      const found: Diagnostic[] = [];
      for (const [n, regimes] of missing) {
        if (missing.has(n - 1) && sameRegimes(missing.get(n - 1)!, regimes)) continue; // reported with the run's start
        let last = n;
        while (missing.has(last + 1) && sameRegimes(missing.get(last + 1)!, regimes)) last++;
        const next = version.sections.find((s) => s.number > last && s.regimes.some((r) => regimes.includes(r)))!;
        const what = n === last ? `${para(n)} fehlt` : `§§${NBSP}${n}–${last} fehlen`;
        const message = n === 1 ? `Die Nummerierung beginnt mit ${para(next.number)}: ${what}${scope(content, regimes)}.` : `Nach ${para(n - 1)} folgt ${para(next.number)}: ${what}${scope(content, regimes)}.`;
        found.push(at(content, rule, next.source, ['number'], message, `Legen Sie ${n === last ? para(n) : `§§${NBSP}${n}–${last}`} an oder nummerieren Sie die Paragraphen lückenlos ab ${para(1)}.`));
      }
      return found;
    }

    function where(section: Section, field: string): string {
      const line = content.lineOf(section.source, field)?.line;
      return line ? `${section.source.file}:${line}` : section.source.file;
    }
  },
};

function sameRegimes(a: readonly Regime[], b: readonly Regime[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}
