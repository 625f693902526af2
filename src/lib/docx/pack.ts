import { Packer, type File } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * A Word file as bytes that depend only on its content. The docx library stamps the clock into
 * the core properties and the zip entries and gives some relationships random ids; here the dates
 * become the content's own (`date`, ISO) and the ids are numbered in order of first use, and the zip
 * is written again with fixed entry times, in a fixed order.
 */

/**
 * Zip entry times are stored in local time: a date made from fixed local fields, when packing,
 * gives the same bytes in every time zone.
 */
const zipTime = () => new Date(2000, 0, 1, 12, 0, 0);

/** The package's parts by path, as the docx library writes them before zipping. */
async function compiledParts(file: File): Promise<Map<string, Uint8Array>> {
  // Zipping is done below, with fixed times: the library's own compiler gives the parts without
  // zipping them first (a third of the time for a short document). Not public API, so when a
  // version of docx lacks it, the public route – zip, then unzip – gives the same parts.
  const compiler = (Packer as unknown as { compiler?: { compile?: (file: File) => Map<string, unknown> } }).compiler;
  const compiled = compiler?.compile?.(file);
  if (compiled instanceof Map && [...compiled.values()].every((v) => typeof v === 'string' || v instanceof Uint8Array)) {
    return new Map([...compiled].map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : (data as Uint8Array)]));
  }
  return new Map(Object.entries(unzipSync(new Uint8Array(await Packer.toBuffer(file)))));
}

/** `transform` may rewrite an XML part before the ids are numbered (working-copy.ts fills in shared parts). */
export async function packDocx(file: File, date: string, transform?: (name: string, xml: string) => string): Promise<Uint8Array> {
  const entries = await compiledParts(file);
  const names = [...entries.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const stamp = `${date}T00:00:00Z`;
  const ids = new Map<string, string>();
  const out: Zippable = {};
  const mtime = zipTime();
  for (const name of names) {
    let bytes = entries.get(name)!;
    if (/\.(xml|rels)$/.test(name)) {
      let text = strFromU8(bytes);
      if (transform) text = transform(name, text);
      if (name === 'docProps/core.xml') text = text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`);
      // Random relationship ids (hyperlinks, numbering, …) become rIdVw1, rIdVw2, … in order of first use;
      // only relationships and the parts that refer to them can hold one.
      if (/\.rels$|^word\/(document|header\d*|footer\d*)\.xml$/.test(name)) text = text.replace(/(Id|r:id|r:embed|w:id)="([^"]+)"/g, (match, attr: string, value: string) => {
        if (!isRandomId(value)) return match;
        if (!ids.has(value)) ids.set(value, `rIdVw${ids.size + 1}`);
        return `${attr}="${ids.get(value)}"`;
      });
      bytes = strToU8(text);
    }
    out[name] = [bytes, { mtime, level: 6 }];
  }
  return zipSync(out, { mtime });
}

const isRandomId = (value: string) => /^[a-z0-9_-]{21}$/.test(value);
