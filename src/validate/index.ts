import type { Content } from '../lib/content-model.ts';
import { compareDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import type { Rule, RuleOptions } from './rule.ts';
import { adoptedText } from './rules/adopted-text.ts';
import { art28Coverage } from './rules/art28-coverage.ts';
import { changelog } from './rules/changelog.ts';
import { committees } from './rules/committees.ts';
import { dpiaDamageLimit } from './rules/dpia-damage-limit.ts';
import { dpiaResidualRisk } from './rules/dpia-residual-risk.ts';
import { dpiaReviewDue } from './rules/dpia-review-due.ts';
import { dpiaVersions } from './rules/dpia-versions.ts';
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
  dpiaResidualRisk,
  dpiaDamageLimit,
  dpiaReviewDue,
  exportIds,
];

/** Runs every cross-file rule over parsed content; returns all findings, sorted. */
export function runRules(content: Content, options: RuleOptions = {}): Diagnostic[] {
  return RULES.flatMap((rule) => rule.check(content, options)).sort(compareDiagnostics);
}
