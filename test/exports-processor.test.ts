import { describe, expect, it } from 'vitest';
import type { Content } from '../src/lib/content-model.ts';
import { buildOscalComponentDefinition, PROCESSOR_ROLE } from '../src/lib/exports/oscal.ts';
import { tomAnnexEditions } from '../src/lib/toms/catalogue.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

type ComponentDefinition = {
  metadata: { roles: { id: string; title: string }[]; parties: { uuid: string; name: string }[] };
  components: { 'responsible-roles'?: { 'role-id': string; 'party-uuids': string[] }[] }[];
};

const componentOf = (content: Content) =>
  (buildOscalComponentDefinition(content, tomAnnexEditions(content)[0]!) as { 'component-definition': ComponentDefinition })['component-definition'];

describe('OSCAL: the processor from organisation.yaml provides the service', () => {
  it('names the processor as a party in the role „Auftragsverarbeiter“', async () => {
    const def = componentOf(await loadSiteFixture());
    expect(def.metadata.roles[1]).toEqual({ id: PROCESSOR_ROLE, title: 'Auftragsverarbeiter' });
    const processor = def.metadata.parties.find((p) => p.name === 'Eigenbetrieb IT-Dienstleistungen');
    expect(processor).toBeDefined();
    expect(def.components[0]!['responsible-roles']).toEqual([{ 'role-id': PROCESSOR_ROLE, 'party-uuids': [processor!.uuid] }]);
  });

  it('names the body itself when it has no processor of its own', async () => {
    const content = await loadSiteFixture();
    const def = componentOf({ ...content, organisation: { ...content.organisation!, processor: undefined } });
    expect(def.metadata.parties.map((p) => p.name)).toEqual(['Landeshauptstadt Musterstadt']);
    expect(def.components[0]!['responsible-roles']).toEqual([{ 'role-id': PROCESSOR_ROLE, 'party-uuids': [def.metadata.parties[0]!.uuid] }]);
  });
});
