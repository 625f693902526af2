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
import { buildExports, exportFiles, type ExportFile } from '../src/lib/exports/registry.ts';
import { uuidV5 } from '../src/lib/exports/uuid.ts';
import { buildDataPageView } from '../src/lib/site/data.ts';
import { buildPageList } from '../src/lib/site/pages.ts';
import { formatAll, replace, validateTree, validFixture, applyEdits } from './support/content-variants.ts';
import { oparlFileErrors, oparlObjects } from './support/oparl-schemas.ts';
import { ROOT } from './support/run-cli.ts';
import catalogSchema from './schemas/oscal-catalog.schema.json' with { type: 'json' };
import commonSchema from './schemas/oscal-common.schema.json' with { type: 'json' };
import componentSchema from './schemas/oscal-component-definition.schema.json' with { type: 'json' };
import dataPackageProfile from './schemas/datapackage-2.0/datapackage.json' with { type: 'json' };
import tableSchemaProfile from './schemas/datapackage-2.0/tableschema.json' with { type: 'json' };

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
// A hint for input forms in the Frictionless profiles, nothing to check.
ajv.addFormat('textarea', true);
ajv.addSchema(commonSchema);
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
    expect(uuidV5('catalog:toms')).toMatchInlineSnapshot(`"e4f7c22f-9cd6-522d-826b-8367301c0a61"`);
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

  it('OSCAL catalog: valid, one group per protection goal, every measure a control with its Art. 32 references', () => {
    const doc = json(file(content, 'oscal/tom-katalog.json'));
    expect(valid('catalog', doc)).toEqual([]);
    const controls = (doc.catalog.groups as any[]).flatMap((g) => (g.controls ?? []).map((c: any) => ({ ...c, group: g.id })));
    expect(controls.map((c) => c.id).sort()).toEqual(content.toms.map((t) => t.id).sort());
    for (const tom of content.toms) {
      const control = controls.find((c) => c.id === tom.id);
      expect(control.group).toBe(tom.goal);
      expect(control.parts).toEqual([{ id: `${tom.id}_smt`, name: 'statement', prose: tom.description }]);
      expect(control.props.filter((p: any) => p.name === 'legal-basis').map((p: any) => p.class)).toEqual(tom.art32);
    }
    expect((doc.catalog.groups as any[]).map((g) => g.id)).toHaveLength(7);
  });

  it('OSCAL component-definition: valid, points at the catalogue, roles defined, UUIDs unique', () => {
    const catalog = json(file(content, 'oscal/tom-katalog.json'));
    const doc = json(file(content, 'oscal/komponente.json'));
    expect(valid('component', doc)).toEqual([]);
    const def = doc['component-definition'];
    const impl = def.components[0]['control-implementations'][0];
    expect(impl.source).toBe(`${content.site!.base_url}/daten/oscal/tom-katalog.json`);
    const controlIds = new Set((catalog.catalog.groups as any[]).flatMap((g) => (g.controls ?? []).map((c: any) => c.id)));
    const roles = new Set((def.metadata.roles as any[]).map((r) => r.id));
    for (const req of impl['implemented-requirements']) {
      expect(controlIds.has(req['control-id'])).toBe(true);
      for (const r of req['responsible-roles']) expect(roles.has(r['role-id'])).toBe(true);
    }
    const roleTitles = (def.metadata.roles as any[]).map((r) => r.title);
    for (const tom of content.toms) expect(roleTitles).toContain(tom.responsible);
    const uuids = JSON.stringify([catalog, doc]).match(/[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g)!;
    const defined = [catalog.catalog.uuid, def.uuid, def.components[0].uuid, impl.uuid, ...impl['implemented-requirements'].map((r: any) => r.uuid)];
    expect(new Set(defined).size).toBe(defined.length);
    expect(uuids.length).toBeGreaterThanOrEqual(defined.length);
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
    const erratum = { file: '01-gegenstand.mdx', date: '2024-11-04', reason: 'Tippfehler', text_sha256: '0'.repeat(64) };
    const corrected: Content = {
      ...bundled,
      agreements: bundled.agreements.map((a) => (a.id !== 'kita-planer-2' ? a : { ...a, versions: a.versions.map((v) => (v.version === '1.0' ? { ...v, errata: [...v.errata, erratum] } : v)) })),
    };
    const before = oparl();
    const after = new Map(buildOparlFiles(corrected).map((f) => [f.name, f.data as Record<string, any>]));
    const changed = [...after].filter(([name, data]) => JSON.stringify(before.get(name)) !== JSON.stringify(data)).filter(([, data]) => !('data' in data)).map(([name]) => name);
    // (The list pages that embed these objects change with them.)
    expect(changed.sort()).toEqual(['oparl/body.json', 'oparl/file/kita-planer-2-1.0.json', 'oparl/paper/a0311-22.json', 'oparl/system.json']);
    expect(after.get('oparl/file/kita-planer-2-1.0.json')!.modified).toBe('2024-11-04T00:00:00+01:00');
    expect(after.get('oparl/system.json')!.modified).toBe('2024-11-04T00:00:00+01:00');
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

  it('OSCAL: states per agreement from which version its annex lists a measure and the § that rules it', () => {
    const doc = json(file(bundled, 'oscal/tom-katalog.json'));
    const control = (doc.catalog.groups as any[]).flatMap((g) => g.controls ?? []).find((c: any) => c.id === 'tom-vertraulichkeit-08');
    const props = (control.props as any[]).filter((p) => p.name === 'annex-since-version' || p.name === 'agreement-section').map((p) => `${p.name} ${p.class}: ${p.value}`);
    // The childminders' current version is the adopted 1.0 (1.1 is a draft): its § 4 Abs. 2.
    expect(props).toEqual([
      'annex-since-version kita-planer-2: 1.0',
      'agreement-section kita-planer-2: §\u00a08 Abs.\u00a02 der Kooperationsvereinbarung Kita-Planer 2 (Version 1.1)',
      'annex-since-version kindertagespflege: 1.0',
      'agreement-section kindertagespflege: §\u00a04 Abs.\u00a02 der Kooperationsvereinbarung Kindertagespflege (Version 1.0)',
    ]);
    const beitrag = (doc.catalog.groups as any[]).flatMap((g) => g.controls ?? []).find((c: any) => c.id === 'tom-vertraulichkeit-13');
    expect((beitrag.props as any[]).filter((p) => p.name === 'annex-since-version').map((p) => p.class)).toEqual(['kita-planer-2']);
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
