import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import listSchema from '../schemas/oparl-list.schema.json' with { type: 'json' };

/**
 * Validation of OParl 1.1 objects against the official schema files of the specification
 * (test/schemas/oparl-1.1.1, tag v1.1.1), read the way the specification's own checker
 * (scripts/validate.py there) reads them:
 * - `"format": "url"` is an absolute http(s) URL;
 * - `"schema": "File.json"` on a property (or on its `items`) means an embedded object of that
 *   type, checked against that file (a property typed `string` holds a URL instead);
 * - a property the object's schema does not declare is an error, unless it is a vendor property
 *   with a prefix (`"vendor:foo"`);
 * - every object carries `created` and `modified`, embedded ones too (section 3.1, „muss … in allen
 *   Objekttypen angegeben werden“ – the schema files do not list them as required).
 */
const SCHEMA_DIR = path.join(import.meta.dirname, '../schemas/oparl-1.1.1');
const TYPE_PREFIX = 'https://schema.oparl.org/1.1/';

type Json = Record<string, unknown>;
interface PropertySchema {
  type?: string;
  schema?: string;
  items?: { schema?: string };
}
interface ObjectSchema {
  title: string;
  properties: Record<string, PropertySchema>;
}

export const OPARL_SCHEMAS: Record<string, ObjectSchema> = Object.fromEntries(
  readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(path.join(SCHEMA_DIR, f), 'utf8')) as ObjectSchema]),
);

// The official patterns escape characters (`\:`) that a Unicode regular expression refuses.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
ajv.addFormat('url', /^https?:\/\/[^\s/$.?#][^\s]*$/i);
// Embedded objects are walked below, with the same checks as top-level ones.
ajv.addKeyword({ keyword: 'schema', schemaType: 'string' });
for (const keyword of ['references', 'backreference', 'cardinality']) ajv.addKeyword({ keyword });

const validators: Record<string, ValidateFunction> = Object.fromEntries(Object.entries(OPARL_SCHEMAS).map(([file, schema]) => [file, ajv.compile(schema)]));
const validateList = ajv.compile(listSchema);

/** Errors of one OParl object (and every object embedded in it), each with its JSON path. */
export function oparlObjectErrors(data: unknown, at = ''): string[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [`${at || '/'} ist kein Objekt`];
  const object = data as Json;
  const type = typeof object.type === 'string' && object.type.startsWith(TYPE_PREFIX) ? object.type.slice(TYPE_PREFIX.length) : undefined;
  const file = type ? `${type}.json` : undefined;
  const schema = file ? OPARL_SCHEMAS[file] : undefined;
  if (!file || !schema) return [`${at || '/'} hat keinen OParl-1.1-Typ: ${JSON.stringify(object.type)}`];
  const errors: string[] = [];
  const validate = validators[file]!;
  if (!validate(object)) errors.push(...(validate.errors ?? []).map((e) => `${at}${e.instancePath || '/'} ${e.message} (${type})`));
  for (const key of ['created', 'modified']) if (!(key in object)) errors.push(`${at || '/'} fehlt „${key}“ (${type})`);
  for (const [key, value] of Object.entries(object)) {
    const property = schema.properties[key];
    if (!property) {
      if (!key.includes(':')) errors.push(`${at}/${key} ist in ${file} nicht definiert`);
      continue;
    }
    if (property.schema && property.type === 'object' && value && typeof value === 'object') errors.push(...oparlObjectErrors(value, `${at}/${key}`));
    if (property.items?.schema && property.type === 'array' && Array.isArray(value)) value.forEach((item, i) => errors.push(...oparlObjectErrors(item, `${at}/${key}/${i}`)));
  }
  return errors;
}

/** Errors of a file of the export: an object, or one page of an external list with its objects. */
export function oparlFileErrors(data: unknown): string[] {
  if (data && typeof data === 'object' && 'data' in data) {
    const errors = validateList(data) ? [] : (validateList.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} (Liste)`);
    const items = (data as { data: unknown }).data;
    if (Array.isArray(items)) items.forEach((item, i) => errors.push(...oparlObjectErrors(item, `/data/${i}`)));
    return errors;
  }
  return oparlObjectErrors(data);
}

/** Every object in a file, embedded ones included, with the type each claims. */
export function oparlObjects(data: unknown): Json[] {
  const found: Json[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const object = value as Json;
      if (typeof object.type === 'string' && object.type.startsWith(TYPE_PREFIX)) found.push(object);
      Object.values(object).forEach(walk);
    }
  };
  walk(data);
  return found;
}
