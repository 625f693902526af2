import type { Content, RegimeEntry } from './content-model.ts';
import { memo } from './memo.ts';
import { organisationOf } from './organisation/profile.ts';

/**
 * The vocabularies of the content (`vocabularies.yaml`, else the bundled defaults): regimes, the
 * DPIA's affected groups and controller groups. Every output asks here for a label, never a list in code.
 */

/** The regimes in the vocabulary's order. */
export function regimesOf(content: Content): RegimeEntry[] {
  return content.vocabularies.regimes;
}

export function regimeIds(content: Content): string[] {
  return memo(content, 'regime-ids', () => content.vocabularies.regimes.map((r) => r.id));
}

/** A regime by id; an id the vocabulary lacks (reported by rule `vokabular`) gets its id as label. */
export function regimeOf(content: Content, id: string): RegimeEntry {
  const byId = memo(content, 'regimes-by-id', () => new Map(content.vocabularies.regimes.map((r) => [r.id, r])));
  return (
    byId.get(id) ?? {
      id,
      label: id,
      long: id,
      letter_sentence: `Ihre Ausfertigung ist die ${id}-Fassung.`,
      dpo_label: 'Datenschutzbeauftragte oder Datenschutzbeauftragter',
      reader: 'own',
    }
  );
}

/** „DSGVO“, „KDG“ */
export function regimeLabel(content: Content, id: string): string {
  return regimeOf(content, id).label;
}

/** The regime whose reading page has no suffix in its URL. */
export function defaultRegime(content: Content): string {
  return content.vocabularies.regimes.find((r) => r.reader === 'default')?.id ?? content.vocabularies.regimes[0]?.id ?? '';
}

/** The URL segment of a regime's reading page: none for the default regime. */
export function readerSegment(content: Content, regime: string): string | undefined {
  return regime === defaultRegime(content) ? undefined : regime;
}

export function affectedGroupLabel(content: Content, id: string): string {
  return content.vocabularies.affectedGroups.find((g) => g.id === id)?.label ?? id;
}

/** A controller group as the DPIA names it; the body's own group (`self: true`) by its name from organisation.yaml. */
export function controllerGroupLabel(content: Content, id: string): string {
  const group = content.vocabularies.controllerGroups.find((g) => g.id === id);
  if (group?.self) return organisationOf(content).name;
  return group?.label ?? id;
}
