/** Names below /daten/ of the files other pages link to (the registry lists every file). */
export const EXPORT_FILES = {
  tomCsv: 'tom-katalog.csv',
  tomTableSchema: 'tom-katalog.schema.json',
  oparlSystem: 'oparl/system.json',
  signingCsv: 'zeichnungsstand.csv',
  signingTableSchema: 'zeichnungsstand.schema.json',
  signingJson: 'zeichnungsstand.json',
  signingJsonSchema: 'zeichnungsstand.json-schema.json',
  dataPackage: 'datapackage.json',
  dcatCatalogue: 'dcat-ap.jsonld',
} as const;
