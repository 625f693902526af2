import type { Diagnostic } from '../../lib/diagnostics.ts';
import type { Rule } from '../rule.ts';

export const requiredFiles: Rule = {
  id: 'pflichtdateien',
  description: 'Die Pflichtdateien (site.yaml, organisation.yaml, council.yaml, mindestens eine Folgenabschätzung und eine Vereinbarung) sind vorhanden.',
  check(content) {
    const out: Diagnostic[] = [];
    const prefix = commonPrefix(content.files);
    const missing = (file: string, what: string) => {
      // Files that exist but failed their schema are reported there already.
      if (content.files.includes(prefix + file)) return;
      out.push({ file: prefix + file, message: `Die Datei fehlt (${what}).`, hint: `Legen Sie sie nach dem Muster in content/${readmeOf(file)} an.`, rule: this.id, severity: 'error' });
    };
    if (!content.site) missing('site.yaml', 'Angaben zur Website');
    if (!content.organisation) missing('organisation.yaml', 'Angaben zur Körperschaft: Name, Vertretung, Amt, Rat');
    if (!content.council) missing('council/council.yaml', 'Vorlagen, Beratungen und Beschlüsse des Rates');
    // A version folder without dpia.yaml is reported by the parser; here only a missing DPIA altogether.
    if (content.dpia.versions.length === 0 && !content.files.some((f) => f.startsWith(`${prefix}dpia/`))) {
      out.push({ file: `${prefix}dpia/`, message: 'Es gibt keine Datenschutz-Folgenabschätzung: der Ordner dpia/ enthält keine Version mit dpia.yaml.', hint: 'Legen Sie je Version einen Ordner an (z. B. dpia/1.0/) mit dpia.yaml, risks.yaml und sections/, nach dem Muster in content/dpia/README.md.', rule: this.id, severity: 'error' });
    }
    if (content.agreements.length === 0 && !content.files.some((f) => f.includes('agreements/'))) {
      out.push({ file: `${prefix}agreements/`, message: 'Es gibt keine Vereinbarung: der Ordner fehlt oder ist leer.', hint: 'Legen Sie eine Vereinbarung nach dem Muster in content/agreements/README.md an.', rule: this.id, severity: 'error' });
    }
    return out;
  },
};

function commonPrefix(files: string[]): string {
  const known = ['site.yaml', 'organisation.yaml', 'agreements/', 'toms/', 'dpia/', 'parties/', 'ledger/', 'council/'];
  for (const file of files) {
    for (const k of known) {
      const i = file.indexOf(k);
      if (i >= 0 && (i === 0 || file[i - 1] === '/')) return file.slice(0, i);
    }
  }
  return 'content/';
}

function readmeOf(file: string): string {
  const folder = file.includes('/') ? file.slice(0, file.indexOf('/') + 1) : '';
  return `${folder}README.md`;
}
