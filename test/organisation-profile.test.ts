import { describe, expect, it } from 'vitest';
import { buildOrganisationView, committeeNamed, nounPhrase } from '../src/lib/organisation/profile.ts';
import { organisationSchema, type Organisation } from '../src/schemas/organisation.ts';

/** A body unlike the bundled city: masculine, a feminine council, no processor of its own. */
const ZWECKVERBAND: Organisation = organisationSchema.parse({
  name: 'Zweckverband Kommunale Geodaten',
  gender: 'm',
  short_name: 'Zweckverband',
  place: 'Musterhausen',
  address: 'Zweckverband Kommunale Geodaten, Am Markt 1, 09999 Musterhausen',
  contact_email: 'gis@zweckverband.example',
  data_protection_officer: 'Datenschutzbeauftragte des Zweckverbands',
  representative: { function: 'Die Verbandsvorsitzende', represented_by: 'die Verbandsvorsitzende', mandate: 'die Geschäftsführung' },
  department: { name: 'Geschäftsstelle', gender: 'f' },
  council: {
    name: 'Verbandsversammlung',
    gender: 'f',
    paper_pattern: 'VV-\\d{4}-\\d{2}',
    paper_example: 'VV-2025-03',
    committees: [{ name: 'Verbandsausschuss', gender: 'm', short: 'VA' }],
  },
});

describe('organisation profile', () => {
  it('derives every article form from the genders in the content', () => {
    const org = buildOrganisationView(ZWECKVERBAND);
    expect(org).toMatchObject({
      nominative: 'der Zweckverband Kommunale Geodaten',
      dative: 'dem Zweckverband Kommunale Geodaten',
      genitive: 'des Zweckverbands Kommunale Geodaten',
      subject: 'Der Zweckverband Kommunale Geodaten',
      article: { dative: 'dem' },
      shortName: { nominative: 'der Zweckverband' },
      department: { accusative: 'die Geschäftsstelle', dative: 'der Geschäftsstelle' },
      processor: null,
      representative: { function: 'Die Verbandsvorsitzende', representedBy: 'die Verbandsvorsitzende', mandate: 'die Geschäftsführung' },
    });
    expect(org.council).toMatchObject({
      nominative: 'die Verbandsversammlung',
      dative: 'der Verbandsversammlung',
      fromDative: 'von der Verbandsversammlung',
      slug: 'verbandsversammlung',
      members: 'Mitglieder der Verbandsversammlung',
      addressees: 'Mitglieder der Verbandsversammlung',
      salutation: 'Sehr geehrte Damen und Herren,',
      paperExample: 'VV-2025-03',
    });
  });

  it('takes the forms the content writes where a name does not follow the rule', () => {
    expect(nounPhrase('Stadtrat', 'm', 'Stadtrates').genitive).toBe('des Stadtrates');
    expect(nounPhrase('Landkreis Meißen', 'm').genitive).toBe('des Landkreises Meißen');
    expect(nounPhrase('Amt für Schulen', 'n', 'Amtes für Schulen')).toMatchObject({ accusative: 'das Amt für Schulen', genitive: 'des Amtes für Schulen', fromDative: 'vom Amt für Schulen' });
  });

  it('names the processor with the owner’s possessive: „ihren Eigenbetrieb“, „seinen Eigenbetrieb“', () => {
    const city = buildOrganisationView({ ...ZWECKVERBAND, name: 'Stadt Musterstadt', gender: 'f', processor: { name: 'Eigenbetrieb IT', gender: 'm' } });
    expect(city.processor?.ownAccusative).toBe('ihren Eigenbetrieb IT');
    const county = buildOrganisationView({ ...ZWECKVERBAND, name: 'Landkreis Muster', gender: 'm', processor: { name: 'Kommunale IT-Stelle', gender: 'f' } });
    expect(county.processor?.ownAccusative).toBe('seine Kommunale IT-Stelle');
  });

  it('finds a committee by name, the council itself included', () => {
    const org = buildOrganisationView(ZWECKVERBAND);
    expect(committeeNamed(org, 'Verbandsausschuss')).toMatchObject({ fromDative: 'vom Verbandsausschuss', short: 'VA' });
    expect(committeeNamed(org, 'Verbandsversammlung').subject).toBe('Die Verbandsversammlung');
  });
});

describe('return address of the letters', () => {
  it('leaves out the names the postal address repeats', async () => {
    const { returnAddress } = await import('../src/lib/letters/plan.ts');
    const org = buildOrganisationView(ZWECKVERBAND);
    expect(returnAddress(org)).toBe('Zweckverband Kommunale Geodaten · Geschäftsstelle · Am Markt 1, 09999 Musterhausen');
    expect(returnAddress({ ...org, address: 'Postfach 3, 09999 Musterhausen' })).toBe('Zweckverband Kommunale Geodaten · Geschäftsstelle · Postfach 3, 09999 Musterhausen');
  });
});
