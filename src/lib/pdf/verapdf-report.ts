/*
 * veraPDF's JSON report → what `npm run check:pdf` and the tests need: per file, per profile,
 * the rules that failed. Pure: the report text comes from src/io/verapdf.ts.
 */

/** The profiles every PDF of the project must pass (names as veraPDF reports them). */
export const REQUIRED_PROFILES = ['PDF/UA-1', 'PDF/A-2A'] as const;

export interface FailedRule {
  specification: string;
  clause: string;
  test: number;
  description: string;
  failedChecks: number;
  /** Where the first failed check is, as veraPDF names it. */
  context?: string;
}

export interface ProfileResult {
  /** „PDF/UA-1“, „PDF/A-2A“ … */
  profile: string;
  compliant: boolean;
  passedRules: number;
  failedRules: FailedRule[];
}

export interface FileConformance {
  file: string;
  profiles: ProfileResult[];
  /** veraPDF could not read the file. */
  error?: string;
}

interface RawRule {
  specification?: string;
  clause?: string;
  testNumber?: number;
  description?: string;
  failedChecks?: number;
  status?: string;
  checks?: { context?: string }[];
}

interface RawResult {
  profileName?: string;
  compliant?: boolean;
  details?: { passedRules?: number; failedRules?: number; ruleSummaries?: RawRule[] };
}

interface RawJob {
  itemDetails?: { name?: string };
  validationResult?: RawResult | RawResult[];
  taskException?: { exceptionMessage?: string; exception?: string };
}

export class VeraPdfReportError extends Error {}

/** Parses veraPDF's `--format json` output. */
export function parseVeraPdfJson(text: string): FileConformance[] {
  let data: { report?: { jobs?: RawJob[] } };
  try {
    data = JSON.parse(text) as typeof data;
  } catch (cause) {
    throw new VeraPdfReportError(`veraPDF lieferte keinen lesbaren Bericht (${(cause as Error).message}).`);
  }
  const jobs = data.report?.jobs;
  if (!Array.isArray(jobs)) throw new VeraPdfReportError('veraPDF lieferte einen Bericht ohne „jobs“.');
  return jobs.map((job) => {
    const file = job.itemDetails?.name ?? '(unbekannte Datei)';
    const results = job.validationResult === undefined ? [] : Array.isArray(job.validationResult) ? job.validationResult : [job.validationResult];
    const profiles = results.map((r) => ({
      profile: (r.profileName ?? '').replace(/ validation profile$/, ''),
      compliant: r.compliant === true,
      passedRules: r.details?.passedRules ?? 0,
      failedRules: (r.details?.ruleSummaries ?? [])
        .filter((rule) => rule.status === undefined || rule.status === 'failed')
        .map((rule) => ({
          specification: rule.specification ?? '',
          clause: rule.clause ?? '',
          test: rule.testNumber ?? 0,
          description: rule.description ?? '',
          failedChecks: rule.failedChecks ?? 0,
          context: rule.checks?.[0]?.context,
        }))
        // veraPDF's order varies between runs: by clause and test, for a summary that stays put.
        .sort((a, b) => a.clause.localeCompare(b.clause, 'en', { numeric: true }) || a.test - b.test),
    }));
    const error = job.taskException ? (job.taskException.exceptionMessage ?? job.taskException.exception ?? 'Fehler beim Lesen') : undefined;
    return error ? { file, profiles, error } : { file, profiles };
  });
}

/** „PDF/UA-1 7.18.5-2“: how the summary and the tests name a rule. */
export function ruleName(profile: string, rule: Pick<FailedRule, 'clause' | 'test'>): string {
  return `${profile} ${rule.clause}-${rule.test}`;
}

/** Every problem of one file, one German line each; empty when it passes all required profiles. */
export function fileProblems(result: FileConformance, required: readonly string[] = REQUIRED_PROFILES): string[] {
  if (result.error) return [`veraPDF konnte die Datei nicht prüfen: ${result.error}`];
  const out: string[] = [];
  for (const profile of required) {
    const found = result.profiles.find((p) => p.profile === profile);
    if (!found) {
      out.push(`${profile}: nicht geprüft – die Datei erklärt diese Konformität nicht in ihren XMP-Metadaten (pdfuaid/pdfaid).`);
      continue;
    }
    for (const rule of found.failedRules) {
      const count = rule.failedChecks === 1 ? '1 Verstoß' : `${rule.failedChecks.toLocaleString('de-DE')} Verstöße`;
      out.push(`Regel ${ruleName(profile, rule)} (${rule.specification}): ${count} – ${rule.description}${rule.context ? ` [z. B. ${rule.context}]` : ''}`);
    }
    if (!found.compliant && found.failedRules.length === 0) out.push(`${profile}: nicht erfüllt (veraPDF nennt keine Regel).`);
  }
  return out;
}

export interface ConformanceSummary {
  text: string;
  files: number;
  failedFiles: number;
  /** Rules checked per profile (passed + failed, the most any file saw). */
  rulesChecked: Record<string, number>;
  /** Failed rules over all files (a rule failing in two files counts twice). */
  failedRules: number;
}

/**
 * The German summary `npm run check:pdf` prints: one line per file (✓ or ✗), the failed rules
 * under each failing file, and a closing count. `display` shortens the file names.
 */
export function summarizeConformance(
  results: FileConformance[],
  options: { required?: readonly string[]; display?: (file: string) => string } = {},
): ConformanceSummary {
  const required = options.required ?? REQUIRED_PROFILES;
  const display = options.display ?? ((f: string) => f);
  const lines: string[] = [];
  const rulesChecked: Record<string, number> = {};
  let failedFiles = 0;
  let failedRules = 0;
  for (const result of [...results].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    for (const p of result.profiles) rulesChecked[p.profile] = Math.max(rulesChecked[p.profile] ?? 0, p.passedRules + p.failedRules.length);
    const problems = fileProblems(result, required);
    if (problems.length === 0) {
      lines.push(`✓ ${display(result.file)}: ${required.join(' und ')} erfüllt`);
      continue;
    }
    failedFiles++;
    failedRules += problems.length;
    lines.push(`✗ ${display(result.file)}:`);
    for (const problem of problems) lines.push(`    ${problem}`);
  }
  const checked = required.map((p) => `${p}: ${rulesChecked[p] ?? 0} Regeln`).join(', ');
  const files = results.length === 1 ? '1 PDF' : `${results.length.toLocaleString('de-DE')} PDFs`;
  lines.push(
    failedFiles === 0
      ? `\n${files} geprüft (${checked}): alle erfüllen ${required.join(' und ')}.`
      : `\n${files} geprüft (${checked}): ${failedFiles.toLocaleString('de-DE')} mit Fehlern, ${failedRules.toLocaleString('de-DE')} verletzte Regeln.`,
  );
  return { text: lines.join('\n'), files: results.length, failedFiles, rulesChecked, failedRules };
}
