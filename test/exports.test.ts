import { createHash } from 'node:crypto';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import type { Content } from '../src/lib/content-model.ts';
import { renderCsv } from '../src/lib/exports/csv.ts';
import { buildOparlFiles } from '../src/lib/exports/oparl.ts';
import { buildOscalFiles, OSCAL_IMPLEMENTATION_STATE, oscalAnnexFiles } from '../src/lib/exports/oscal.ts';
import { buildExports, exportFiles, type ExportFile } from '../src/lib/exports/registry.ts';
import { uuidV5 } from '../src/lib/exports/uuid.ts';
import { buildDataPageView } from '../src/lib/site/data.ts';
import { buildPageList } from '../src/lib/site/pages.ts';
import { tomAnnexEditions, type TomAnnexEdition } from '../src/lib/toms/catalogue.ts';
import { TOM_STATUS_LABELS } from '../src/schemas/tom.ts';
import { formatAll, replace, validateTree, validFixture, applyEdits } from './support/content-variants.ts';
import { oparlFileErrors, oparlObjects } from './support/oparl-schemas.ts';
import { ROOT } from './support/run-cli.ts';
import catalogSchema from './schemas/oscal-1.1.3/oscal_catalog_schema.json' with { type: 'json' };
import componentSchema from './schemas/oscal-1.1.3/oscal_component_schema.json' with { type: 'json' };
import dataPackageProfile from './schemas/datapackage-2.0/datapackage.json' with { type: 'json' };
import tableSchemaProfile from './schemas/datapackage-2.0/tableschema.json' with { type: 'json' };

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
// A hint for input forms in the Frictionless profiles, nothing to check.
ajv.addFormat('textarea', true);
const validators: Record<string, ValidateFunction> = {
  catalog: ajv.compile(catalogSchema),
  component: ajv.compile(componentSchema),
  tableSchema: ajv.compile(tableSchemaProfile),
  dataPackage: ajv.compile(dataPackageProfile),
};

function valid(kind: keyof typeof validators, data: unknown): string[] {
  const validate = validators[kind]!;
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const text = (file: ExportFile) => new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
const json = (file: ExportFile) => JSON.parse(text(file)) as Record<string, any>;
const file = (content: Content, name: string) => exportFiles(content).find((f) => f.path === `/daten/${name}`)!;

/** The OSCAL catalog and component definition of one annex (agreement version), parsed. */
function oscalPair(content: Content, e: TomAnnexEdition) {
  const names = oscalAnnexFiles(e.agreement.id, e.version.version, e.draft);
  return { names, catalog: json(file(content, names.catalog)), component: json(file(content, names.component)) };
}
const controlsOf = (catalog: Record<string, any>): any[] => (catalog.catalog.groups ?? []).flatMap((g: any) => (g.controls ?? []).map((c: any) => ({ ...c, group: g.id })));
const requirementsOf = (component: Record<string, any>): any[] =>
  component['component-definition'].components.flatMap((c: any) => (c['control-implementations'] ?? []).flatMap((i: any) => i['implemented-requirements']));
const annexIds = (e: TomAnnexEdition) => e.goals.flatMap((g) => g.measures.map((m) => m.id));

/** Every string value that is an address, with the key it stands under (array items under the array's key). */
function urlValues(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return /^https?:/.test(value) ? [[key, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v) => urlValues(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urlValues(v, k));
  return [];
}

let fixture: Content;
let bundled: Content;
beforeAll(async () => {
  fixture = (await loadContent(path.join(ROOT, 'test/fixtures/valid'))).content;
  bundled = (await loadContent(path.join(ROOT, 'content'))).content;
});

describe('uuidV5', () => {
  it('matches the RFC 9562 name-based UUID (as Python’s uuid5 computes it)', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
  it('keeps the published UUIDs (a new namespace would change every one)', () => {
    expect(uuidV5('component:kita-planer-2')).toMatchInlineSnapshot(`"63732df9-8df8-5516-ab18-84807f27238b"`);
  });
});

describe('renderCsv', () => {
  const rows = [
    ['schlicht', 'mit, Komma', 'mit "Anführung"'],
    ['zwei\nZeilen', '', ' Leerzeichen '],
    ['„typografisch“ – § 5', 'a\r\nb', '"'],
  ];
  const csv = renderCsv(['a', 'b', 'c'], rows);

  it('ends every record with CRLF and quotes only where RFC 4180 requires it', () => {
    expect(JSON.stringify(csv)).toMatchInlineSnapshot(`""a,b,c\\r\\nschlicht,\\"mit, Komma\\",\\"mit \\"\\"Anführung\\"\\"\\"\\r\\n\\"zwei\\r\\nZeilen\\",, Leerzeichen \\r\\n„typografisch“ – § 5,\\"a\\r\\nb\\",\\"\\"\\"\\"\\r\\n""`);
  });
  it('reads back with a CSV parser to the same fields', () => {
    expect(parse(csv, { bom: false, relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' })).toEqual([
      ['a', 'b', 'c'],
      rows[0],
      ['zwei\r\nZeilen', '', ' Leerzeichen '],
      ['„typografisch“ – § 5', 'a\r\nb', '"'],
    ]);
  });
  it('refuses a record with the wrong number of fields', () => {
    expect(() => renderCsv(['a', 'b'], [['eins']])).toThrow(/1 fields/);
  });
});

describe.each([
  ['the valid fixture', 'test/fixtures/valid'],
  ['the bundled content', 'content'],
])('exports of %s', (_name, dir) => {
  let content: Content;
  beforeAll(async () => {
    content = (await loadContent(path.join(ROOT, dir))).content;
  });

  it('writes each file once, under /daten/, with the SHA-256 of its bytes', () => {
    const files = exportFiles(content);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    for (const f of files) {
      expect(f.path).toMatch(/^\/daten\/[a-z0-9/.-]+\.(json|jsonld|csv)$/);
      expect(f.sha256).toBe(createHash('sha256').update(f.bytes).digest('hex'));
    }
  });

  it('gives the same bytes from a second load of the same content', async () => {
    const again = (await loadContent(path.join(ROOT, dir))).content;
    expect(exportFiles(again).map((f) => [f.path, f.sha256])).toEqual(exportFiles(content).map((f) => [f.path, f.sha256]));
  });

  it('shows on the „Daten“ page the size and SHA-256 of exactly these bytes', () => {
    const view = buildDataPageView(content);
    const shown = view.datasets.flatMap((d) => d.files.map((f) => [f.href, f.sha256]));
    expect(shown).toEqual(exportFiles(content).map((f) => [f.path, f.sha256]));
    expect(view.license?.id).toBe('dl-de/by-2-0');
    // The page head names the DCAT-AP.de catalogue, a file of the page itself.
    expect(shown.map(([href]) => href)).toContain(view.catalogueHref);
  });

  it('TOM CSV: UTF-8, RFC 4180, one row per measure, valid against its Table Schema', () => {
    const schema = json(file(content, 'tom-katalog.schema.json'));
    expect(valid('tableSchema', schema)).toEqual([]);
    const csv = text(file(content, 'tom-katalog.csv'));
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parse(csv, { relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
    const fields = schema.fields as { name: string; constraints: { required: boolean; unique?: boolean; enum?: string[]; pattern?: string } }[];
    expect(records[0]).toEqual(fields.map((f) => f.name));
    // Each row checked against the Table Schema's constraints, turned into a JSON Schema.
    const rowSchema = {
      type: 'object',
      required: fields.filter((f) => f.constraints.required).map((f) => f.name),
      properties: Object.fromEntries(
        fields.map((f) => [
          f.name,
          {
            type: 'string',
            ...(f.constraints.required ? { minLength: 1 } : {}),
            ...(f.constraints.enum ? { enum: f.constraints.enum } : {}),
            // Table Schema patterns match the whole value.
            ...(f.constraints.pattern ? { pattern: `^(?:${f.constraints.pattern})$` } : {}),
          },
        ]),
      ),
    };
    const checkRow = ajv.compile(rowSchema);
    const rows = records.slice(1).map((r) => Object.fromEntries(fields.map((f, i) => [f.name, r[i]!])));
    for (const row of rows) expect(checkRow(row) ? [] : checkRow.errors).toEqual([]);
    for (const f of fields.filter((x) => x.constraints.unique)) expect(new Set(rows.map((r) => r[f.name])).size).toBe(rows.length);
    expect(rows).toHaveLength(content.toms.length);
    for (const tom of content.toms) {
      const row = rows.find((r) => r.id === tom.id)!;
      expect([row.titel, row.beschreibung, row.verantwortlich, row.status, row.art32!.split(';')]).toEqual([tom.title, tom.description, tom.responsible, tom.status, tom.art32]);
    }
  });

  it('OSCAL: a catalog and a component definition per agreement version, valid against the NIST OSCAL 1.1.3 schemas', () => {
    const editions = tomAnnexEditions(content);
    expect(editions.length).toBe(content.agreements.filter((a) => a.auftragsverarbeitung).reduce((n, a) => n + a.versions.length, 0));
    expect(exportFiles(content).filter((f) => f.path.startsWith('/daten/oscal/'))).toHaveLength(2 * editions.length);
    for (const e of editions) {
      const { names, catalog, component } = oscalPair(content, e);
      expect(valid('catalog', catalog), names.catalog).toEqual([]);
      expect(valid('component', component), names.component).toEqual([]);
      for (const doc of [catalog.catalog, component['component-definition']]) {
        // The release of the NIST schemas the files are checked against.
        expect(`http://csrc.nist.gov/ns/oscal/${doc.metadata['oscal-version']}/oscal-catalog-schema.json`).toBe(catalogSchema.$id);
        // The version is the agreement version whose annex the file holds; a draft's says so.
        expect(doc.metadata.version).toBe(e.draft ? `${e.version.version}-entwurf` : e.version.version);
        const props = Object.fromEntries((doc.metadata.props as any[]).map((p) => [p.name, p.value]));
        expect(props).toEqual({ agreement: e.agreement.id, 'agreement-version': e.version.version, 'agreement-version-status': e.draft ? 'entwurf' : 'beschlossen' });
      }
    }
  });

  it.each(['tom-katalog.csv', 'zeichnungsstand.csv'])('%s for German spreadsheets: byte-order mark, „;“, CRLF, the same values, listed on the „Daten“ page', (name) => {
    const plain = file(content, name);
    const excel = file(content, name.replace(/\.csv$/, '-excel.csv'));
    expect([...excel.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const excelText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(excel.bytes);
    const header = (parse(text(plain), { record_delimiter: '\r\n', to_line: 1 }) as string[][])[0]!;
    expect(excelText.slice(0, excelText.indexOf('\r\n'))).toBe(`\uFEFF${header.join(';')}`);
    expect(excelText.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const records = parse(excelText, { bom: true, delimiter: ';', record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false });
    expect(records).toEqual(parse(text(plain), { record_delimiter: '\r\n' }));
    expect(excel.schemaPath).toBe(plain.schemaPath);
    const listed = buildDataPageView(content).datasets.flatMap((d) => d.files).find((f) => f.href === excel.path)!;
    expect([listed.sha256, listed.format]).toEqual([excel.sha256, 'CSV für Excel, Semikolon']);
    expect(listed.sizeText).toMatch(/\d/);
  });

  it('Table Schemas: counts are integers and days are dates, and every CSV value is one', () => {
    for (const name of ['tom-katalog', 'zeichnungsstand']) {
      const schema = json(file(content, `${name}.schema.json`));
      expect(valid('tableSchema', schema)).toEqual([]);
      const records = parse(text(file(content, `${name}.csv`)), { record_delimiter: '\r\n', columns: true }) as Record<string, string>[];
      for (const field of schema.fields as { name: string; type: string; constraints: { minimum?: number } }[]) {
        for (const value of records.map((r) => r[field.name]!).filter((v) => v !== '')) {
          if (field.type === 'integer') expect(value, field.name).toMatch(/^(0|[1-9]\d*)$/);
          if (field.type === 'date') expect(new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10), field.name).toBe(value);
        }
      }
    }
    const types = Object.fromEntries((json(file(content, 'zeichnungsstand.schema.json')).fields as any[]).map((f) => [f.name, f.type]));
    expect(types).toMatchObject({ stichtag: 'date', fassung: 'string', berechtigt: 'integer', unterzeichnet: 'integer', offen: 'integer', plaetze_unterzeichnet: 'integer' });
  });

  it('datapackage.json: valid against the Data Package 2.0 profile; every CSV a table resource with its size, SHA-256, dialect and Table Schema', () => {
    const pkg = json(file(content, 'datapackage.json'));
    expect(valid('dataPackage', pkg)).toEqual([]);
    const csvs = exportFiles(content).filter((f) => f.path.endsWith('.csv'));
    expect(pkg.resources.map((r: any) => r.path).sort()).toEqual(csvs.map((f) => f.name).sort());
    expect(new Set(pkg.resources.map((r: any) => r.name)).size).toBe(pkg.resources.length);
    for (const r of pkg.resources) {
      const f = file(content, r.path);
      expect([r.type, r.bytes, r.hash, r.encoding, r.mediatype]).toEqual(['table', f.bytes.length, `sha256:${f.sha256}`, 'utf-8', 'text/csv']);
      expect(r.dialect.delimiter).toBe(f.bytes[0] === 0xef ? ';' : ',');
      const schema = json(file(content, r.schema));
      expect(valid('tableSchema', schema)).toEqual([]);
      const records = parse(new TextDecoder().decode(f.bytes), { bom: true, delimiter: r.dialect.delimiter, record_delimiter: r.dialect.lineTerminator }) as string[][];
      expect(records[0]).toEqual(schema.fields.map((x: any) => x.name));
    }
    expect(pkg.licenses).toEqual([{ path: content.site!.license!.url, title: content.site!.license!.name }]);
    expect(pkg.homepage).toBe(`${content.site!.base_url}/daten/`);
  });

  it('DCAT-AP.de: JSON-LD that becomes RDF offline, with what catalogue, datasets and distributions need', async () => {
    const doc = json(file(content, 'dcat-ap.jsonld'));
    const nquads = await jsonld.toRDF(doc, {
      format: 'application/n-quads',
      safe: true,
      documentLoader: async (url) => {
        throw new Error(`no network in tests: ${url}`);
      },
    });
    const triples = nquads
      .trim()
      .split('\n')
      .map((line) => /^(\S+) <([^>]+)> (.+) \.$/.exec(line)!)
      .map(([, s, p, o]) => ({ s: s!, p: p!, o: o! }));
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const DCT = 'http://purl.org/dc/terms/';
    const ofType = (cls: string) => triples.filter((t) => t.p === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type' && t.o === `<${cls}>`).map((t) => t.s);
    const values = (s: string, p: string) => triples.filter((t) => t.s === s && t.p === p).map((t) => t.o);
    const missing = (s: string, props: string[]) => props.filter((p) => values(s, p).length === 0).map((p) => `${s} ${p}`);

    const [catalog, ...more] = ofType(`${DCAT}Catalog`);
    expect(more).toEqual([]);
    expect(missing(catalog!, [`${DCT}title`, `${DCT}description`, `${DCT}publisher`, `${DCAT}dataset`, 'http://xmlns.com/foaf/0.1/homepage', `${DCT}language`, `${DCT}license`, `${DCT}modified`])).toEqual([]);
    const datasets = ofType(`${DCAT}Dataset`);
    const described = buildExports(content).filter((d) => d.id !== 'metadaten');
    expect(datasets).toHaveLength(described.length);
    const license = '<http://dcat-ap.de/def/licenses/dl-by-de/2.0>';
    const base = content.site!.base_url;
    for (const d of described) {
      const id = `<${base}/daten/dcat-ap.jsonld#${d.id}>`;
      expect(datasets).toContain(id);
      expect(missing(id, [`${DCT}title`, `${DCT}description`, `${DCT}publisher`, `${DCAT}contactPoint`, `${DCAT}distribution`, `${DCAT}theme`, `${DCAT}landingPage`, `${DCT}modified`])).toEqual([]);
      expect(values(id, `${DCT}modified`)).toEqual([`"${d.modified}"^^<http://www.w3.org/2001/XMLSchema#date>`]);
      const distributions = values(id, `${DCAT}distribution`);
      // A whole with an entry point (OParl) is one distribution; otherwise every data file, schemas aside.
      expect(distributions.map((x) => values(x, `${DCAT}accessURL`)[0]).sort()).toEqual(
        (d.entryPoint ? d.files.filter((f) => f.name === d.entryPoint) : d.files.filter((f) => !d.files.some((g) => g.schemaPath === f.path))).map((f) => `<${base}${f.path}>`).sort(),
      );
      for (const x of distributions) {
        expect(missing(x, [`${DCAT}accessURL`, `${DCT}license`, `${DCT}format`, `${DCAT}mediaType`, `${DCAT}byteSize`, `${DCT}modified`, 'http://spdx.org/rdf/terms#checksum'])).toEqual([]);
        expect(values(x, `${DCT}license`)).toEqual([license]);
        const f = d.files.find((g) => `<${base}${g.path}>` === values(x, `${DCAT}accessURL`)[0])!;
        expect(values(x, `${DCAT}byteSize`)).toEqual([`"${f.bytes.length}"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>`]);
        expect(values(values(x, 'http://spdx.org/rdf/terms#checksum')[0]!, 'http://spdx.org/rdf/terms#checksumValue')).toEqual([`"${f.sha256}"^^<http://www.w3.org/2001/XMLSchema#hexBinary>`]);
        expect(values(x, `${DCAT}downloadURL`)).toEqual(d.entryPoint ? [] : values(x, `${DCAT}accessURL`));
      }
    }
    expect(values(catalog!, `${DCT}license`)).toEqual([license]);
  });

  it('OSCAL catalog: exactly the measures of its annex, one group per protection goal, with their Art. 32 references', () => {
    for (const e of tomAnnexEditions(content)) {
      const controls = controlsOf(oscalPair(content, e).catalog);
      expect(controls.map((c) => c.id)).toEqual(annexIds(e));
      for (const control of controls) {
        const tom = content.toms.find((t) => t.id === control.id)!;
        expect(control.group).toBe(tom.goal);
        expect(control.parts).toEqual([{ id: `${tom.id}_smt`, name: 'statement', prose: tom.description }]);
        expect(control.props.filter((p: any) => p.name === 'legal-basis').map((p: any) => p.class)).toEqual(tom.art32);
      }
    }
  });

  it('OSCAL component-definition: implements exactly the controls of its own catalog, with OSCAL implementation states', () => {
    const states = ['implemented', 'partial', 'planned', 'alternative', 'not-applicable'];
    for (const e of tomAnnexEditions(content)) {
      const { names, catalog, component } = oscalPair(content, e);
      const def = component['component-definition'];
      expect(def.components).toHaveLength(1);
      const impl = def.components[0]['control-implementations'][0];
      expect(impl.source).toBe(`${content.site!.base_url}/daten/${names.catalog}`);
      const requirements = requirementsOf(component);
      expect(requirements.map((r) => r['control-id'])).toEqual(controlsOf(catalog).map((c) => c.id));
      const roles = new Map((def.metadata.roles as any[]).map((r) => [r.id, r.title]));
      for (const req of requirements) {
        const tom = content.toms.find((t) => t.id === req['control-id'])!;
        expect(req['responsible-roles'].map((r: any) => roles.get(r['role-id']))).toEqual([tom.responsible]);
        // OSCAL's own state (no namespace), the content's German wording as its remarks.
        expect(req.props).toEqual([{ name: 'implementation-status', value: OSCAL_IMPLEMENTATION_STATE[tom.status], remarks: TOM_STATUS_LABELS[tom.status] }]);
        expect(states).toContain(req.props[0].value);
      }
    }
  });

  it('OSCAL: UUIDs unique across the files, except the one component each agreement’s files describe', () => {
    const defined: string[] = [];
    for (const e of tomAnnexEditions(content)) {
      const { catalog, component } = oscalPair(content, e);
      const def = component['component-definition'];
      defined.push(catalog.catalog.uuid, def.uuid, ...def.components[0]['control-implementations'].map((i: any) => i.uuid), ...requirementsOf(component).map((r) => r.uuid));
    }
    expect(new Set(defined).size).toBe(defined.length);
    for (const agreement of content.agreements.filter((a) => a.auftragsverarbeitung)) {
      const editions = tomAnnexEditions(content).filter((e) => e.agreement === agreement);
      expect(new Set(editions.map((e) => oscalPair(content, e).component['component-definition'].components[0].uuid)).size).toBe(1);
    }
  });

  it('OParl: every file valid against the official 1.1.1 schemas, every id its own address, every reference to a published file or page', () => {
    const base = content.site!.base_url;
    const files = exportFiles(content).filter((f) => f.path.startsWith('/daten/oparl/'));
    const paths = new Set(files.map((f) => `${base}${f.path}`));
    const pages = new Set(buildPageList(content).map((p) => `${base}${p}`));
    for (const f of files) {
      const data = json(f);
      expect(oparlFileErrors(data), f.path).toEqual([]);
      if (!('data' in data)) expect(data.id).toBe(`${base}${f.path}`);
      for (const [key, value] of urlValues(data)) {
        if (key === 'type' || key === 'oparlVersion' || key === 'license') continue;
        if (key === 'web' || key === 'website' || key === 'accessUrl' || key === 'product') expect(pages.has(value.replace(/#.*$/, '')), `${f.path} ${key} ${value}`).toBe(true);
        else expect(paths.has(value), `${f.path} ${key} ${value}`).toBe(true);
      }
    }
    const system = json(files.find((f) => f.path === '/daten/oparl/system.json')!);
    expect(system.oparlVersion).toBe('https://schema.oparl.org/1.1/');
    const papers = json(files.find((f) => f.path === '/daten/oparl/papers.json')!);
    expect(papers.data.map((p: any) => p.reference).sort()).toEqual(content.council!.papers.map((p) => p.id).sort());
    const organizations = json(files.find((f) => f.path === '/daten/oparl/organizations.json')!);
    // The bodies are the ones the consultations name, nothing the code knows.
    expect(organizations.data.map((o: any) => o.name).sort()).toEqual([...new Set(content.council!.consultations.map((c) => c.body))].sort());
  });

  it('OParl: created and modified on every object, embedded ones too, as date-times of recorded days; start on every meeting', () => {
    const recorded = new Set([
      ...content.council!.papers.map((p) => p.date),
      ...content.council!.consultations.map((c) => c.date),
      ...content.agreements.flatMap((a) => a.versions.flatMap((v) => [v.adopted, v.vorgelegt, ...v.errata.map((e) => e.date)])),
    ]);
    let count = 0;
    for (const f of exportFiles(content).filter((x) => x.path.startsWith('/daten/oparl/'))) {
      for (const object of oparlObjects(json(f)) as Record<string, any>[]) {
        count += 1;
        for (const key of ['created', 'modified']) {
          expect(object[key], `${f.path} ${object.id} ${key}`).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+0[12]:00$/);
          expect(recorded.has(object[key].slice(0, 10)), `${f.path} ${object.id} ${key}`).toBe(true);
        }
        expect(object.created <= object.modified, `${object.id}`).toBe(true);
        if (object.type.endsWith('/Meeting')) expect(object.start).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+0[12]:00$/);
      }
    }
    expect(count).toBeGreaterThan(0);
  });
});

describe('OParl dates of the bundled content', () => {
  const oparl = () => new Map(buildOparlFiles(bundled).map((f) => [f.name, f.data as Record<string, any>]));

  it('a paper: created on its date, modified on its last session; summer time from 27 March 2022', () => {
    const paper = oparl().get('oparl/paper/a0311-22.json')!;
    expect([paper.created, paper.modified]).toEqual(['2022-01-18T00:00:00+01:00', '2022-03-31T00:00:00+02:00']);
    // Its Beratungsfolge: listed with the paper, changed on the session day.
    const jha = paper.consultation.find((c: any) => c.id.endsWith('/jugendhilfeausschuss-2022-03-31-a0311-22.json'));
    expect([jha.created, jha.modified]).toEqual(['2022-01-18T00:00:00+01:00', '2022-03-31T00:00:00+02:00']);
    expect(oparl().get('oparl/consultation/jugendhilfeausschuss-2022-03-31-a0311-22.json')).toEqual(jha);
  });

  it('a meeting: starts on the session day (midnight, German time), its agenda items carry their own dates', () => {
    const meeting = oparl().get('oparl/meeting/jugendhilfeausschuss-2022-03-10.json')!;
    expect(meeting.start).toBe('2022-03-10T00:00:00+01:00');
    expect(meeting.modified).toBe('2022-03-10T00:00:00+01:00');
    expect(meeting.agendaItem.map((i: any) => [i.created, i.modified])).toEqual([['2022-01-18T00:00:00+01:00', '2022-03-10T00:00:00+01:00']]);
    expect(oparl().get('oparl/meeting/jugendhilfeausschuss-2022-03-31.json')!.start).toBe('2022-03-31T00:00:00+02:00');
  });

  it('system and body: the span of every object; product is the address of the page that describes the export', () => {
    const files = oparl();
    const all = [...files.values()].flatMap((d) => oparlObjects(d));
    const system = files.get('oparl/system.json')!;
    expect(system.created).toBe([...all].map((o) => o.created as string).sort()[0]);
    expect(system.modified).toBe([...all].map((o) => o.modified as string).sort().at(-1));
    expect(files.get('oparl/body.json')!.modified).toBe(system.modified);
    expect(system.product).toBe(`${bundled.site!.base_url}/daten/#daten-oparl`);
    expect(buildDataPageView(bundled).datasets.map((d) => d.anchor)).toContain('daten-oparl');
  });

  it('a recorded correction of an adopted version modifies its file, its paper, the body and the system – nothing else', () => {
    const erratum = { file: '01-gegenstand.mdx', date: '2027-01-04', reason: 'Tippfehler', text_sha256: '0'.repeat(64) };
    const corrected: Content = {
      ...bundled,
      agreements: bundled.agreements.map((a) => (a.id !== 'kita-planer-2' ? a : { ...a, versions: a.versions.map((v) => (v.version === '1.0' ? { ...v, errata: [...v.errata, erratum] } : v)) })),
    };
    const before = oparl();
    const after = new Map(buildOparlFiles(corrected).map((f) => [f.name, f.data as Record<string, any>]));
    const changed = [...after].filter(([name, data]) => JSON.stringify(before.get(name)) !== JSON.stringify(data)).filter(([, data]) => !('data' in data)).map(([name]) => name);
    // (The list pages that embed these objects change with them.)
    expect(changed.sort()).toEqual(['oparl/body.json', 'oparl/file/kita-planer-2-1.0.json', 'oparl/paper/a0311-22.json', 'oparl/system.json']);
    expect(after.get('oparl/file/kita-planer-2-1.0.json')!.modified).toBe('2027-01-04T00:00:00+01:00');
    expect(after.get('oparl/system.json')!.modified).toBe('2027-01-04T00:00:00+01:00');
  });
});

describe('TOM exports of the bundled content: annexes and §§ per agreement', () => {
  it('CSV: the annexes and the §§ at each agreement’s current version', () => {
    const records = parse(text(file(bundled, 'tom-katalog.csv')), { record_delimiter: '\r\n' }) as string[][];
    const header = records[0]!;
    const row = (id: string) => Object.fromEntries(header.map((h, i) => [h, records.find((r) => r[0] === id)![i]]));
    expect(row('tom-vertraulichkeit-13').anlagen).toBe('kita-planer-2:1.1');
    expect(row('tom-vertraulichkeit-08')).toMatchObject({
      anlagen: 'kita-planer-2:1.0;kindertagespflege:1.0',
      paragraphen: '§\u00a08 Abs.\u00a02 der Kooperationsvereinbarung Kita-Planer 2 (Version 1.1); §\u00a04 Abs.\u00a02 der Kooperationsvereinbarung Kindertagespflege (Version 1.0)',
    });
  });

  it('OSCAL: each catalog states from which version its annex lists a measure and the § that rules it in that version', () => {
    const sectionProps = (agreement: string, version: string, id: string) => {
      const e = tomAnnexEditions(bundled).find((x) => x.agreement.id === agreement && x.version.version === version)!;
      const control = controlsOf(oscalPair(bundled, e).catalog).find((c) => c.id === id);
      return (control.props as any[]).filter((p) => p.name === 'annex-since-version' || p.name === 'agreement-section').map((p) => `${p.name}: ${p.value}`);
    };
    expect(sectionProps('kita-planer-2', '1.1', 'tom-vertraulichkeit-08')).toEqual(['annex-since-version: 1.0', 'agreement-section: §\u00a08 Abs.\u00a02 der Kooperationsvereinbarung Kita-Planer 2']);
    expect(sectionProps('kindertagespflege', '1.0', 'tom-vertraulichkeit-08')).toEqual(['annex-since-version: 1.0', 'agreement-section: §\u00a04 Abs.\u00a02 der Kooperationsvereinbarung Kindertagespflege']);
    // The Beitragsrechnung module came with 1.1 and only for providers.
    expect(sectionProps('kita-planer-2', '1.1', 'tom-vertraulichkeit-13')[0]).toBe('annex-since-version: 1.1');
  });

  it('OSCAL: adopted files hold no draft-only measure, and no agreement’s files another’s', () => {
    const names = exportFiles(bundled).filter((f) => f.path.startsWith('/daten/oscal/')).map((f) => f.path.slice('/daten/oscal/'.length));
    expect(names).toEqual([
      'kita-planer-2-1.0-tom-katalog.json', 'kita-planer-2-1.0-komponente.json',
      'kita-planer-2-1.1-tom-katalog.json', 'kita-planer-2-1.1-komponente.json',
      'kita-planer-2-1.2-entwurf-tom-katalog.json', 'kita-planer-2-1.2-entwurf-komponente.json',
      'kindertagespflege-1.0-tom-katalog.json', 'kindertagespflege-1.0-komponente.json',
      'kindertagespflege-1.1-entwurf-tom-katalog.json', 'kindertagespflege-1.1-entwurf-komponente.json',
    ]);
    const claimed = (agreement: string, version: string) => {
      const e = tomAnnexEditions(bundled).find((x) => x.agreement.id === agreement && x.version.version === version)!;
      return requirementsOf(oscalPair(bundled, e).component).map((r) => r['control-id'] as string);
    };
    const draftOnly = ['tom-datenminimierung-09', 'tom-nichtverkettung-08', 'tom-nichtverkettung-09', 'tom-verfuegbarkeit-09', 'tom-vertraulichkeit-16', 'tom-vertraulichkeit-17'];
    for (const [agreement, version] of [['kita-planer-2', '1.0'], ['kita-planer-2', '1.1'], ['kindertagespflege', '1.0']] as const) {
      expect(claimed(agreement, version).filter((id) => draftOnly.includes(id)), `${agreement} ${version}`).toEqual([]);
    }
    expect(draftOnly.filter((id) => !claimed('kita-planer-2', '1.2').includes(id) && !claimed('kindertagespflege', '1.1').includes(id))).toEqual([]);
    // Only the childminders' annex lists tom-datenminimierung-09; only the providers' the Beitragsrechnung.
    expect(claimed('kindertagespflege', '1.1')).toContain('tom-datenminimierung-09');
    expect(claimed('kita-planer-2', '1.2')).not.toContain('tom-datenminimierung-09');
    expect(claimed('kita-planer-2', '1.1')).toContain('tom-vertraulichkeit-13');
    expect(claimed('kindertagespflege', '1.1')).not.toContain('tom-vertraulichkeit-13');
  });

  it('OSCAL: a draft is marked in the metadata of both its files', () => {
    const drafts = tomAnnexEditions(bundled).filter((e) => e.draft);
    expect(drafts.map((e) => `${e.agreement.id} ${e.version.version}`)).toEqual(['kita-planer-2 1.2', 'kindertagespflege 1.1']);
    for (const e of drafts) {
      const { catalog, component } = oscalPair(bundled, e);
      for (const metadata of [catalog.catalog.metadata, component['component-definition'].metadata]) {
        expect(metadata.title).toContain(`Entwurf der Version ${e.version.version}`);
        expect(metadata.remarks).toMatch(/^Entwurf: .*nicht beschlossen und bindet niemanden/);
        expect((metadata.props as any[]).find((p) => p.name === 'agreement-version-status').remarks).toMatch(/^Entwurf, vorgelegt am \d+\.\u00a0\p{L}+ \d{4}; noch nicht beschlossen/u);
      }
    }
  });
});

describe('OSCAL UUIDs', () => {
  const uuids = (files: ReturnType<typeof buildOscalFiles>) => files.map((f) => {
    const doc = f.data as any;
    const root = doc.catalog ?? doc['component-definition'];
    return { name: f.name, document: root.uuid, inner: JSON.stringify(root.groups ?? root.components).match(/"uuid":"[^"]+"/g) ?? [] };
  });

  it('are the same from the same content, and a changed measure changes the document UUID only (OSCAL: change-on-write)', () => {
    const before = uuids(buildOscalFiles(fixture));
    expect(uuids(buildOscalFiles(fixture))).toEqual(before);
    const edited = { ...fixture, toms: fixture.toms.map((t) => (t.id === 'tom-vertraulichkeit-02' ? { ...t, description: `${t.description} Geändert.` } : t)) };
    const after = uuids(buildOscalFiles(edited));
    // The measure is in the annex of 1.1 only: those two documents get new UUIDs, 1.0's keep theirs.
    expect(after.map((a, i) => [a.name, a.document !== before[i]!.document])).toEqual([
      ['oscal/muster-1.0-tom-katalog.json', false],
      ['oscal/muster-1.0-komponente.json', false],
      ['oscal/muster-1.1-tom-katalog.json', true],
      ['oscal/muster-1.1-komponente.json', true],
    ]);
    expect(after.map((a) => a.inner)).toEqual(before.map((b) => b.inner));
  });
});

describe('OParl lists', () => {
  it('are paged as external lists: pages chained by links, data complete, counts consistent', () => {
    const files = buildOparlFiles(bundled, { pageSize: 2 });
    const byUrl = new Map(files.map((f) => [`${bundled.site!.base_url}/daten/${f.name}`, f.data]));
    const first = byUrl.get(`${bundled.site!.base_url}/daten/oparl/consultations.json`) as any;
    expect(oparlFileErrors(first)).toEqual([]);
    const seen: string[] = [];
    let page: any = first;
    let previous: string | undefined;
    for (;;) {
      expect(page.pagination.elementsPerPage).toBe(2);
      expect(page.links.prev).toBe(previous);
      seen.push(...page.data.map((c: any) => c.id));
      if (!page.links.next) break;
      previous = [...byUrl].find(([, v]) => v === page)![0];
      page = byUrl.get(page.links.next);
    }
    expect(page.pagination.currentPage).toBe(page.pagination.totalPages);
    expect(first.links.last).toBe([...byUrl].find(([, v]) => v === page)![0]);
    expect(seen).toHaveLength(bundled.council!.consultations.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(first.pagination.totalElements).toBe(seen.length);
  });

  it('relate the papers about one agreement (adopted by one, changed by another)', () => {
    const paper = buildOparlFiles(bundled).find((f) => f.name === 'oparl/paper/a0311-22.json')!.data;
    expect(paper.relatedPaper).toEqual([`${bundled.site!.base_url}/daten/oparl/paper/v2216-23.json`]);
  });

  it('publish no people', () => {
    const persons = buildOparlFiles(bundled).find((f) => f.name === 'oparl/persons.json')!.data;
    expect(persons.data).toEqual([]);
  });
});

describe('content that would make an export invalid', () => {
  it.each([
    ['a TOM without a text', replace('toms/vertraulichkeit.yaml', 'description: Jede Anmeldung verlangt einen zweiten Faktor.', 'description: ""'), 'content/toms/vertraulichkeit.yaml:6:5 Feld „measures[0].description“: Der Wert „“ darf nicht leer sein.'],
    ['a council paper date that is no day', replace('council/council.yaml', 'date: 2022-01-18', 'date: 2022-02-30'), 'content/council/council.yaml:2:35 Feld „papers[0].date“: Der Wert „2022-02-30“ ist kein gültiges Kalenderdatum.'],
    ['two TOMs with one id (one UUID)', replace('toms/vertraulichkeit.yaml', 'id: tom-vertraulichkeit-02', 'id: tom-vertraulichkeit-01'), 'content/toms/vertraulichkeit.yaml:10:5 Feld „measures[1].id“: Die Kennung „tom-vertraulichkeit-01“ ist schon vergeben'],
    ['two spellings of one committee (one OParl id)', replace('council/council.yaml', 'resolutions:\n', '  - { paper: V0002/23, body: JugendhilfeAusschuss, date: 2023-05-11, public: true, role: beschließend }\nresolutions:\n'), 'content/council/council.yaml:6:24 Feld „consultations[1].body“'],
  ])('is refused by the validator: %s', (_title, edit, expected) => {
    const errors = validateTree(applyEdits(validFixture(), [edit])).filter((d) => d.severity === 'error');
    expect(formatAll(errors)).toContain(`Fehler: ${expected}`);
  });
});

describe('the test schemas', () => {
  it.each([
    ['catalog', { catalog: { uuid: uuidV5('x'), metadata: { title: 'T', 'last-modified': '2022-03-31T00:00:00Z', version: '1', 'oscal-version': '1.1.2' }, groups: [{ id: 'g', controls: [{ id: 'c', title: 'C' }] }] } }, '/catalog/groups/0 must have required property \'title\''],
    ['catalog', { catalog: { uuid: uuidV5('x'), metadata: { title: 'T', 'last-modified': '2022-03-31', version: '1', 'oscal-version': '1.1.2' } } }, '/catalog/metadata/last-modified must match format "date-time"'],
    ['component', { 'component-definition': { uuid: 'kein-uuid', metadata: { title: 'T', 'last-modified': '2022-03-31T00:00:00Z', version: '1', 'oscal-version': '1.1.2' } } }, '/component-definition/uuid must match pattern'],
    // The implementation-status field exists only in an SSP; a component definition carries it as a prop.
    ['component', { 'component-definition': { uuid: uuidV5('x'), metadata: { title: 'T', 'last-modified': '2022-03-31T00:00:00Z', version: '1', 'oscal-version': '1.1.3' }, components: [{ uuid: uuidV5('c'), type: 'service', title: 'C', description: 'D', 'control-implementations': [{ uuid: uuidV5('i'), source: 'https://x.example/k.json', description: 'D', 'implemented-requirements': [{ uuid: uuidV5('r'), 'control-id': 'c', description: 'D', 'implementation-status': { state: 'implemented' } }] }] }] } }, '/component-definition/components/0/control-implementations/0/implemented-requirements/0 must NOT have additional properties'],
  ] as const)('%s schema refuses a defect', (kind, data, message) => {
    expect(valid(kind, data).join('\n')).toContain(message);
  });

  const stamped = { created: '2022-01-18T00:00:00+01:00', modified: '2022-01-18T00:00:00+01:00' };
  it.each([
    ['an agenda item without order', { id: 'https://x.example/a.json', type: 'https://schema.oparl.org/1.1/AgendaItem', name: 'TOP', ...stamped }, "/ must have required property 'order' (AgendaItem)"],
    ['a file without accessUrl', { id: 'https://x.example/f.json', type: 'https://schema.oparl.org/1.1/File', name: 'Datei', ...stamped }, "/ must have required property 'accessUrl' (File)"],
    ['a list without pagination', { data: [], links: {} }, "/ must have required property 'pagination' (Liste)"],
    ['a product that is no URL (as before this change)', { id: 'https://x.example/s.json', type: 'https://schema.oparl.org/1.1/System', oparlVersion: 'https://schema.oparl.org/1.1/', body: 'https://x.example/b.json', product: 'Vertragswerk', ...stamped }, '/product must match format "url" (System)'],
    ['an object without created', { id: 'https://x.example/p.json', type: 'https://schema.oparl.org/1.1/Paper', modified: stamped.modified }, '/ fehlt „created“ (Paper)'],
    ['a date-time without time zone', { id: 'https://x.example/p.json', type: 'https://schema.oparl.org/1.1/Paper', created: '2022-01-18T00:00:00', modified: stamped.modified }, '/created must match format "date-time" (Paper)'],
    ['an embedded file without modified', { id: 'https://x.example/p.json', type: 'https://schema.oparl.org/1.1/Paper', ...stamped, auxiliaryFile: [{ id: 'https://x.example/f.json', type: 'https://schema.oparl.org/1.1/File', accessUrl: 'https://x.example/f.html', created: stamped.created }] }, '/auxiliaryFile/0 fehlt „modified“ (File)'],
    ['a property OParl does not define', { id: 'https://x.example/m.json', type: 'https://schema.oparl.org/1.1/Meeting', ...stamped, datum: '2022-01-18' }, '/datum ist in Meeting.json nicht definiert'],
  ] as const)('the official OParl schemas refuse %s', (_title, data, message) => {
    expect(oparlFileErrors(data)).toContain(message);
  });
});

describe('registry', () => {
  it('builds once per content object', () => {
    expect(buildExports(fixture)).toBe(buildExports(fixture));
  });
});
