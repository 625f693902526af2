import { currentVersion } from '../agreement/versions.ts';
import type { AgreementEntry, Content, Version } from '../content-model.ts';
import { formatNumber } from '../format.ts';
import { accusativeCount } from '../parties/words.ts';
import { agreementWords } from '../parties/kinds.ts';
import { buildSigningFigures, statusDate } from './figures.ts';

export type VersionStandingKind = 'entwurf' | 'gueltig' | 'gilt-noch' | 'abgeloest';

export interface VersionStanding {
  kind: VersionStandingKind;
  /** „gültig“, „gilt noch für 15 Träger“, „abgelöst“, „Entwurf“ */
  label: string;
  /** Parties this version binds on the day. */
  bound: number;
  /** „Für 15 Träger, die Version 1.1 noch nicht unterzeichnet haben, gilt diese Fassung weiter.“ */
  sentence?: string;
}

/**
 * Where a version stands on a day: the current version is „gültig“; an older one stays in force
 * for the parties that have not signed a newer one, and is „abgelöst“ only when it binds nobody.
 * The `status` in version.yaml is not asked: whom a version binds follows from the ledger.
 */
export function versionStanding(content: Content, agreement: AgreementEntry, version: Version, asOf?: string): VersionStanding {
  if (version.status === 'entwurf') return { kind: 'entwurf', label: 'Entwurf', bound: 0 };
  const date = statusDate(content, asOf);
  const bound = date ? (buildSigningFigures(content, agreement, date).boundByVersion.find((v) => v.version === version.version)?.bound ?? 0) : 0;
  const current = currentVersion(agreement);
  if (current.version === version.version) return { kind: 'gueltig', label: 'gültig', bound };
  if (bound === 0) return { kind: 'abgeloest', label: 'abgelöst', bound };
  const words = agreementWords(content, agreement);
  const whom = `${formatNumber(bound)} ${bound === 1 ? words.one : words.many}`;
  return {
    kind: 'gilt-noch',
    label: `gilt noch für ${whom}`,
    bound,
    sentence: `Für ${accusativeCount(bound, words)}, ${bound === 1 ? words.relativeOne : 'die'} Version ${current.version} noch nicht unterzeichnet ${bound === 1 ? 'hat' : 'haben'}, gilt diese Fassung weiter.`,
  };
}
