import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import type { Content } from '../src/lib/content-model.ts';
import { exportFiles } from '../src/lib/exports/registry.ts';
import { buildSigningFigures } from '../src/lib/signing/figures.ts';
import { ROOT } from './support/run-cli.ts';
import tableSchemaProfile from './schemas/datapackage-2.0/tableschema.json' with { type: 'json' };

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addFormat('textarea', true);
  return ajv;
}

let content: Content;
beforeAll(async () => {
  content = (await loadContent(path.join(ROOT, 'content'))).content;
});

const read = (name: string) => {
  const file = exportFiles(content).find((f) => f.path === `/daten/${name}`);
  if (!file) throw new Error(`no export /daten/${name}`);
  return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
};

type Field = { name: string; type: string; constraints: { required: boolean; enum?: string[]; pattern?: string; minimum?: number } };

describe('signing figures as open data', () => {
  it('CSV: every row valid against its Table Schema (empty cells are missing values), primary key unique', () => {
    const ajv = newAjv();
    const schema = JSON.parse(read('zeichnungsstand.schema.json')) as { fields: Field[]; primaryKey: string[]; missingValues: string[] };
    expect(ajv.validate(tableSchemaProfile, schema) ? [] : ajv.errors).toEqual([]);
    const records = parse(read('zeichnungsstand.csv'), { record_delimiter: '\r\n' }) as string[][];
    expect(records[0]).toEqual(schema.fields.map((f) => f.name));
    const rows = records.slice(1).map((r) => Object.fromEntries(schema.fields.map((f, i) => [f.name, r[i]!])));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      for (const f of schema.fields) {
        const value = row[f.name]!;
        if (schema.missingValues.includes(value)) {
          expect(f.constraints.required, `${f.name} in ${JSON.stringify(row)}`).toBe(false);
          continue;
        }
        if (f.constraints.enum) expect(f.constraints.enum).toContain(value);
        if (f.constraints.pattern) expect(value).toMatch(new RegExp(`^(?:${f.constraints.pattern})$`));
        // Table Schema's lexical forms: an integer is digits (with a sign), a date JJJJ-MM-TT.
        if (f.type === 'integer') expect(Number(value), `${f.name} ${value}`).toBeGreaterThanOrEqual(f.constraints.minimum ?? -Infinity);
        if (f.type === 'integer') expect(value).toMatch(/^[+-]?\d+$/);
        if (f.type === 'date') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    const keys = rows.map((r) => schema.primaryKey.map((k) => r[k]).join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('JSON: valid against its JSON Schema, the same rows as the CSV', () => {
    const ajv = newAjv();
    const data = JSON.parse(read('zeichnungsstand.json')) as { zeilen: Record<string, string | number>[] };
    const validate = ajv.compile(JSON.parse(read('zeichnungsstand.json-schema.json')));
    expect(validate(data) ? [] : validate.errors).toEqual([]);
    const records = parse(read('zeichnungsstand.csv'), { record_delimiter: '\r\n', columns: true }) as Record<string, string>[];
    expect(data.zeilen.map((z) => Object.fromEntries(Object.keys(records[0]!).map((k) => [k, z[k] === undefined ? '' : String(z[k])])))).toEqual(records);
    // The schema refuses what it should: a negative count.
    expect(validate({ ...data, zeilen: [{ ...data.zeilen[0], unterzeichnet: -1 }] })).toBe(false);
  });

  it('says what the domain says: 51 of 87 on the Beschlusskontrolle date, 57 in 1.1 and 15 in 1.0 on 1 December 2023', () => {
    const rows = JSON.parse(read('zeichnungsstand.json')).zeilen as Record<string, string | number>[];
    const row = (day: string, fassung: string, recht = 'alle') => rows.find((r) => r.vereinbarung === 'kita-planer-2' && r.stichtag === day && r.fassung === fassung && r.recht === recht);
    expect([row('2022-08-24', 'alle')?.berechtigt, row('2022-08-24', 'alle')?.unterzeichnet]).toEqual([87, 51]);
    expect([row('2023-12-01', '1.1')?.unterzeichnet, row('2023-12-01', '1.0')?.unterzeichnet]).toEqual([57, 15]);
    const agreement = content.agreements.find((a) => a.id === 'kita-planer-2')!;
    for (const r of rows.filter((x) => x.vereinbarung === 'kita-planer-2' && x.fassung === 'alle' && x.recht === 'alle')) {
      const f = buildSigningFigures(content, agreement, String(r.stichtag));
      expect([r.berechtigt, r.unterzeichnet, r.offen, r.abgelehnt, r.ohne_angebot]).toEqual([f.eligible, f.bound, f.open, f.declined, f.notOffered]);
    }
  });

  it('holds no party: no id, no name of a provider or childminder', () => {
    const all = read('zeichnungsstand.csv') + read('zeichnungsstand.json');
    expect(all).not.toMatch(/traeger-\d|ktp-\d|kindertagespflege-\d/);
    for (const p of content.parties) expect(all).not.toContain(p.kind === 'traeger' ? p.name : p.name);
  });
});
