import type { Content, ContentArea } from '../lib/content-model.ts';
import { compareDiagnostics, orderDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import type { ParseContentResult, ParsedContent } from '../lib/parse-content.ts';
import { listGerman, type Rule, type RuleOptions } from './rule.ts';
import { adoptedText } from './rules/adopted-text.ts';
import { art28Coverage } from './rules/art28-coverage.ts';
import { changelog } from './rules/changelog.ts';
import { committees } from './rules/committees.ts';
import { dpiaDamageLimit } from './rules/dpia-damage-limit.ts';
import { dpiaMatrix } from './rules/dpia-matrix.ts';
import { dpiaResidualRisk } from './rules/dpia-residual-risk.ts';
import { dpiaReviewDue } from './rules/dpia-review-due.ts';
import { dpiaVersions } from './rules/dpia-versions.ts';
import { exampleInstance } from './rules/example-instance.ts';
import { exportIds } from './rules/export-ids.ts';
import { fileNames } from './rules/file-names.ts';
import { idStability } from './rules/id-stability.ts';
import { ledgerConsistency } from './rules/ledger-consistency.ts';
import { paperNumbers } from './rules/paper-numbers.ts';
import { paragraphNumbering } from './rules/paragraph-numbering.ts';
import { references } from './rules/references.ts';
import { reportedFigures } from './rules/reported-figures.ts';
import { requiredFiles } from './rules/required-files.ts';
import { sectionNumbering } from './rules/section-numbering.ts';
import { texts } from './rules/texts.ts';
import { tomReferences } from './rules/tom-references.ts';
import { uniqueIds } from './rules/unique-ids.ts';
import { versionChain } from './rules/version-chain.ts';

export const RULES: readonly Rule[] = [
  requiredFiles,
  uniqueIds,
  fileNames,
  references,
  paperNumbers,
  committees,
  texts,
  tomReferences,
  versionChain,
  changelog,
  adoptedText,
  sectionNumbering,
  paragraphNumbering,
  art28Coverage,
  idStability,
  ledgerConsistency,
  reportedFigures,
  dpiaVersions,
  dpiaMatrix,
  dpiaResidualRisk,
  dpiaDamageLimit,
  dpiaReviewDue,
  exportIds,
  exampleInstance,
];

/**
 * Parse results and every rule's findings, in the order the author reads them: root causes
 * first, then what follows from them („Folgefehler“). What `npm run validate`, the build, `npm
 * run dev` and the ledger command print.
 */
export function checkContent(parsed: ParseContentResult, options: RuleOptions = {}): Diagnostic[] {
  return orderDiagnostics([...parsed.diagnostics, ...runRules(parsed.content, options, parsed.diagnostics)]);
}

/**
 * Runs every cross-file rule; returns its findings sorted by file and line. A finding that needs
 * an area whole (`needsComplete`, `needing`) while a file of that area has an error – one of
 * `rootCauses` (the parser's) or of an identity rule – is marked as a consequence of that file.
 */
export function runRules(content: Content, options: RuleOptions = {}, rootCauses: readonly Diagnostic[] = []): Diagnostic[] {
  const results = RULES.map((rule) => ({ rule, found: rule.check(content, options) }));
  const broken = brokenFilesByArea(content, [...rootCauses, ...results.filter((r) => r.rule.identity).flatMap((r) => r.found)]);
  return results
    .flatMap(({ rule, found }) => found.map((d) => asConsequence(d, d.needs ?? rule.needsComplete, broken)))
    .sort(compareDiagnostics);
}

/** Files with an error, by the area they leave incomplete. */
function brokenFilesByArea(content: Content, errors: readonly Diagnostic[]): Map<ContentArea, Set<string>> {
  const areas = (content as Partial<ParsedContent>).areas;
  const broken = new Map<ContentArea, Set<string>>();
  for (const d of errors) {
    const area = d.severity === 'error' ? areas?.get(d.file) : undefined;
    if (!area) continue;
    const files = broken.get(area) ?? new Set<string>();
    files.add(d.file);
    broken.set(area, files);
  }
  return broken;
}

/** What a rule that needs an area whole needs, in the hint of a consequence. */
const AREA_WORDS: Record<ContentArea, string> = {
  site: 'site.yaml',
  agreements: 'alle Vereinbarungen und Versionen',
  toms: 'den ganzen Maßnahmenkatalog',
  dpia: 'alle Fassungen der Folgenabschätzung',
  parties: 'alle Vertragspartner',
  ledger: 'das ganze Zeichnungsregister',
  council: 'council.yaml',
};

function asConsequence(d: Diagnostic, needs: readonly ContentArea[] | undefined, broken: Map<ContentArea, Set<string>>): Diagnostic {
  const { needs: _needs, ...finding } = d;
  const incomplete = (needs ?? []).filter((area) => [...(broken.get(area) ?? [])].some((file) => file !== d.file));
  if (incomplete.length === 0) return finding;
  const files = [...new Set(incomplete.flatMap((area) => [...broken.get(area)!]))].filter((file) => file !== d.file).sort();
  const shown = files.length > 3 ? [...files.slice(0, 3), `${files.length - 3} weiteren Dateien`] : files;
  const one = files.length === 1;
  const cause = `Folgt aus ${one ? 'dem Fehler' : 'den Fehlern'} in ${listGerman(shown, '', false)} (oben): Diese Prüfung braucht ${listGerman(incomplete.map((a) => AREA_WORDS[a]), '', false)} fehlerfrei. Beheben Sie zuerst ${one ? 'den Fehler' : 'die Fehler'} dort; bleibt diese Meldung danach, gilt:`;
  return { ...finding, consequenceOf: files, hint: finding.hint ? `${cause} ${finding.hint}` : cause.replace(/; bleibt .*$/, '.') };
}
