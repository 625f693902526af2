import type { Content } from '../content-model.ts';
import { capitalize, definiteArticle, possessive, vonDative, type Gender } from '../german/articles.ts';
import { memo } from '../memo.ts';
import { paperPatternOf, type Organisation } from '../../schemas/organisation.ts';
import { toSlug } from '../../schemas/common.ts';

/**
 * The body that makes the agreements, as every output names it: one view built from
 * `organisation.yaml` with the article forms German sentences need. Nothing here knows a body;
 * the words and their genders come from the content.
 */

/** A name with its article in each case: „die Stadt Musterstadt“, „der Stadt Musterstadt“. */
export interface NounPhrase {
  name: string;
  gender: Gender;
  /** „die Stadt Musterstadt“ (lower-case article). */
  nominative: string;
  accusative: string;
  dative: string;
  /** „des Gemeinderates“: the genitive form from the content where the name changes. */
  genitive: string;
  /** The nominative at the start of a sentence: „Die Stadt Musterstadt“. */
  subject: string;
  /** „vom Hauptausschuss“, „von der Verbandsversammlung“. */
  fromDative: string;
  /** The bare articles, for a name set apart („zwischen der“ / **Stadt Musterstadt**). */
  article: { nominative: string; accusative: string; dative: string; genitive: string };
}

export interface CommitteeView extends NounPhrase {
  short: string | null;
}

export interface OrganisationView extends NounPhrase {
  /** „die Landeshauptstadt“: the name as a sentence repeats it (the full name when there is no short one). */
  shortName: NounPhrase;
  legalForm: string | null;
  /** Where letters are dated. */
  place: string;
  address: string;
  contactEmail: string;
  contactHref: string;
  dataProtectionOfficer: string;
  representative: {
    /** Under the signature line: „Die Bürgermeisterin“. */
    function: string;
    /** After „vertreten durch“: „die Bürgermeisterin“. */
    representedBy: string;
    /** Whom a resolution instructs to conclude: „die Bürgermeisterin“. */
    mandate: string;
  };
  department: NounPhrase;
  /** The processor under Art. 28 GDPR when it is a unit of its own; null: the body itself. */
  processor: (NounPhrase & { legalNature: string | null; /** „ihren IT-Dienstleister“ */ ownAccusative: string }) | null;
  council: NounPhrase & {
    /** URL segment of the council page. */
    slug: string;
    /** „Mitglieder des Gemeinderates“ */
    members: string;
    /** „Fraktionen und Mitglieder des Gemeinderates“: whom the Beschlusskontrolle reports are for (without article). */
    addressees: string;
    salutation: string;
    paperExample: string | null;
    committees: CommitteeView[];
  };
  state: {
    name: string;
    authority: { name: string; address: string; url: string | null };
    laws: { short: string; title: string; url: string | null }[];
  } | null;
  urls: { website: string | null };
}

/** A noun phrase from a name and gender; `genitive` is the name after „des“/„der“ when it changes. */
export function nounPhrase(name: string, gender: Gender, genitive?: string): NounPhrase {
  const article = {
    nominative: definiteArticle(gender, 'nom'),
    accusative: definiteArticle(gender, 'akk'),
    dative: definiteArticle(gender, 'dat'),
    genitive: definiteArticle(gender, 'gen'),
  };
  const genitiveName = genitive ?? defaultGenitive(name, gender);
  return {
    name,
    gender,
    nominative: `${article.nominative} ${name}`,
    accusative: `${article.accusative} ${name}`,
    dative: `${article.dative} ${name}`,
    genitive: `${article.genitive} ${genitiveName}`,
    subject: capitalize(`${article.nominative} ${name}`),
    fromDative: `${vonDative(gender)} ${name}`,
    article,
  };
}

/**
 * The genitive of a name when the content gives none: feminine names do not change; a masculine
 * or neuter name adds -s (-es after s, ß, x, z) to its first word („Landkreises Meißen“). Names
 * whose first word is an adjective write `genitive` in the content.
 */
function defaultGenitive(name: string, gender: Gender): string {
  if (gender === 'f') return name;
  const [first = name, ...rest] = name.split(' ');
  const inflected = /(s|ß|x|z)$/.test(first) ? `${first}es` : `${first}s`;
  return [inflected, ...rest].join(' ');
}

const EMPTY: Organisation = {
  name: '',
  gender: 'f',
  place: '',
  address: '',
  contact_email: '',
  data_protection_officer: '',
  representative: { function: '', represented_by: '' },
  department: { name: '', gender: 'n' },
  council: { name: 'Rat', gender: 'm', committees: [] },
};

/**
 * The organisation of the content. Content without `organisation.yaml` is refused by the
 * validator (rule pflichtdateien); a view of empty names stands in so unit fixtures still render.
 */
export function organisationOf(content: Content): OrganisationView {
  return memo(content, 'organisation', () => buildOrganisationView(content.organisation ?? EMPTY));
}

export function buildOrganisationView(o: Organisation): OrganisationView {
  const self = nounPhrase(o.name, o.gender, o.genitive);
  const council = nounPhrase(o.council.name, o.council.gender, o.council.genitive);
  const processor = o.processor
    ? (() => {
        const phrase = nounPhrase(o.processor.name, o.processor.gender, o.processor.genitive);
        const own = o.processor.possessive ?? possessive(o.gender, 'one', o.processor.gender, 'akk');
        return { ...phrase, legalNature: o.processor.legal_nature ?? null, ownAccusative: `${own} ${o.processor.name}` };
      })()
    : null;
  const members = o.council.members ?? `Mitglieder ${council.genitive}`;
  return {
    ...self,
    shortName: nounPhrase(o.short_name ?? o.name, o.gender),
    legalForm: o.legal_form ?? null,
    place: o.place,
    address: o.address,
    contactEmail: o.contact_email,
    contactHref: o.contact_email ? `mailto:${o.contact_email}` : '',
    dataProtectionOfficer: o.data_protection_officer,
    representative: {
      function: o.representative.function,
      representedBy: o.representative.represented_by,
      mandate: o.representative.mandate ?? o.representative.represented_by,
    },
    department: nounPhrase(o.department.name, o.department.gender, o.department.genitive),
    processor,
    council: {
      ...council,
      slug: o.council.slug ?? (toSlug(o.council.name) || 'rat'),
      members,
      addressees: o.council.addressees ?? members,
      salutation: o.council.salutation ?? 'Sehr geehrte Damen und Herren,',
      paperExample: o.council.paper_example ?? null,
      committees: o.council.committees.map((c) => ({ ...nounPhrase(c.name, c.gender, c.genitive), short: c.short ?? null })),
    },
    state: o.state
      ? {
          name: o.state.name,
          authority: { name: o.state.authority.name, address: o.state.authority.address, url: o.state.authority.url ?? null },
          laws: o.state.laws.map((l) => ({ short: l.short, title: l.title, url: l.url ?? null })),
        }
      : null,
    urls: { website: o.urls?.website ?? null },
  };
}

/**
 * A committee (or the council itself) by the name the content writes in `adopted_by` or a
 * consultation's `body`. An unlisted name is refused by the validator (rule gremien); here it
 * falls back to a masculine noun („der Ausschuss“), the commonest.
 */
export function committeeNamed(org: OrganisationView, name: string): CommitteeView {
  const listed = org.council.committees.find((c) => c.name === name);
  if (listed) return listed;
  if (name === org.council.name) return { ...org.council, short: null };
  return { ...nounPhrase(name, 'm'), short: null };
}

/** Whether a committee name is known to the organisation (listed, or the council itself). */
export function isKnownCommittee(org: OrganisationView, name: string): boolean {
  return name === org.council.name || org.council.committees.some((c) => c.name === name);
}

/** The council's paper-number pattern as a whole-string match, when the content sets one. */
export function paperPattern(content: Content): RegExp | undefined {
  const source = content.organisation?.council.paper_pattern;
  return source ? paperPatternOf(source) : undefined;
}

/** The organisation when the content declares one (outputs that leave a field out rather than print an empty name). */
export function declaredOrganisation(content: Content): OrganisationView | undefined {
  return content.organisation ? organisationOf(content) : undefined;
}

/** Whom a Beschlusskontrolle report is for: as recorded in council.yaml, else the council's addressees. */
export function reportAddressees(content: Content, recorded: string | undefined): string {
  return recorded ?? organisationOf(content).council.addressees;
}

/** „vom Hauptausschuss“, „von der Verbandsversammlung“: who adopted something, from the committee's gender. */
export function byCommittee(content: Content, name: string): string {
  return committeeNamed(organisationOf(content), name).fromDative;
}
