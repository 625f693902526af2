import { escapeHtml } from '../html.ts';

/**
 * A small Mustache subset for the print templates staff edit in `templates/`:
 * `{{name}}` inserts escaped text, `{{{name}}}` inserts HTML the renderer produced itself,
 * `{{#name}}…{{/name}}` repeats for a list or shows for a true value, `{{^name}}…{{/name}}`
 * shows when the value is empty or false, `{{! note }}` is a comment. Dotted names
 * (`party.name`) and `{{.}}` work. An unknown name is an error, never an empty string.
 */
export type TemplateValue = string | number | boolean | null | TemplateValue[] | { [key: string]: TemplateValue };
export type TemplateData = { [key: string]: TemplateValue };

/** A view model of plain data (text, numbers, flags, null, lists, groups) as a template value. */
export function asTemplateValue(value: object): TemplateValue {
  return value as unknown as TemplateValue;
}

export class TemplateError extends Error {
  readonly exitCode = 1;
  /** What is wrong, without template and line (for a validator's message that names them itself). */
  readonly problem: string;
  readonly line: number;
  constructor(label: string, templateName: string, line: number, problem: string) {
    super(`${label} „${templateName}“, Zeile ${line}: ${problem}`);
    this.problem = problem;
    this.line = line;
  }
}

type SectionNode = { type: 'section'; name: string; inverted: boolean; line: number; children: Node[] };
type Node = { type: 'text'; text: string } | { type: 'var'; name: string; raw: boolean; line: number } | SectionNode;

export interface CompiledTemplate {
  name: string;
  render(data: TemplateData): string;
}

const TAG = /\{\{(\{?)\s*([#^/!]?)([^}]*?)\}?\}\}/g;

export interface TemplateOptions {
  /** How `{{name}}` escapes a value: HTML by default; identity for plain text, backslashes for Markdown. */
  escape?: (text: string) => string;
  /** What messages call the template: „Druckvorlage“ by default, „Textvorlage“ for named texts and pages. */
  label?: string;
  /** Line of the file the source starts at (a text in a YAML file), so messages name the file's line. */
  firstLine?: number;
}

export function compileTemplate(templateName: string, source: string, options: TemplateOptions = {}): CompiledTemplate {
  const label = options.label ?? 'Druckvorlage';
  const escape = options.escape ?? escapeHtml;
  const root: Node[] = [];
  const stack: { node: SectionNode | undefined; children: Node[] }[] = [{ node: undefined, children: root }];
  let last = 0;
  const lineAt = (index: number) => source.slice(0, index).split('\n').length + (options.firstLine ?? 1) - 1;
  const fail = (line: number, message: string): never => {
    throw new TemplateError(label, templateName, line, message);
  };
  for (const match of source.matchAll(TAG)) {
    const index = match.index;
    const top = stack[stack.length - 1]!;
    if (index > last) top.children.push({ type: 'text', text: source.slice(last, index) });
    last = index + match[0].length;
    const brace = match[1] ?? '';
    const sigil = match[2] ?? '';
    const name = (match[3] ?? '').trim();
    const line = lineAt(index);
    if (sigil === '!') continue;
    if (!name) fail(line, `leerer Platzhalter „${match[0]}“. Schreiben Sie den Namen zwischen die Klammern, z. B. {{party.name}}.`);
    if (sigil === '#' || sigil === '^') {
      const node: SectionNode = { type: 'section', name, inverted: sigil === '^', line, children: [] };
      top.children.push(node);
      stack.push({ node, children: node.children });
    } else if (sigil === '/') {
      if (!top.node || top.node.name !== name) {
        const open = top.node ? `offen ist „{{#${top.node.name}}}“ aus Zeile ${top.node.line}` : 'es ist kein Abschnitt offen';
        fail(line, `„{{/${name}}}“ schließt nichts – ${open}. Prüfen Sie die Paare {{#…}} und {{/…}}.`);
      }
      stack.pop();
    } else {
      top.children.push({ type: 'var', name, raw: brace === '{', line });
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1]!.node!;
    fail(open.line, `„{{#${open.name}}}“ wird nie mit „{{/${open.name}}}“ geschlossen.`);
  }
  if (last < source.length) root.push({ type: 'text', text: source.slice(last) });
  return { name: templateName, render: (data) => renderNodes({ name: templateName, label, escape }, root, [data]) };
}

function lookup(stack: TemplateValue[], name: string): TemplateValue | undefined {
  if (name === '.') return stack[stack.length - 1];
  const [head, ...rest] = name.split('.') as [string, ...string[]];
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i];
    if (frame && typeof frame === 'object' && !Array.isArray(frame) && head in frame) {
      let value: TemplateValue | undefined = frame[head];
      for (const key of rest) {
        value = value && typeof value === 'object' && !Array.isArray(value) && key in value ? value[key] : undefined;
      }
      return value;
    }
  }
  return undefined;
}

function knownNames(stack: TemplateValue[]): string {
  const names = new Set<string>();
  for (const frame of stack) {
    if (frame && typeof frame === 'object' && !Array.isArray(frame)) for (const key of Object.keys(frame)) names.add(key);
  }
  return [...names].sort().join(', ');
}

interface RenderSettings {
  name: string;
  label: string;
  escape: (text: string) => string;
}

function renderNodes(settings: RenderSettings, nodes: Node[], stack: TemplateValue[]): string {
  const templateName = settings.name;
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += node.text;
      continue;
    }
    const value = lookup(stack, node.name);
    if (value === undefined) {
      throw new TemplateError(settings.label, templateName, node.line, `den Platzhalter „${node.name}“ gibt es nicht. Verfügbar sind hier: ${knownNames(stack)}.`);
    }
    if (node.type === 'var') {
      if (value !== null && typeof value === 'object') {
        throw new TemplateError(
          settings.label,
          templateName,
          node.line,
          `„${node.name}“ ist eine Liste oder Gruppe und kann nicht direkt eingesetzt werden. Verwenden Sie {{#${node.name}}}…{{/${node.name}}}.`,
        );
      }
      const text = value === null ? '' : String(value);
      out += node.raw ? text : settings.escape(text);
      continue;
    }
    const empty = value === null || value === false || value === '' || (Array.isArray(value) && value.length === 0);
    if (node.inverted) {
      if (empty) out += renderNodes(settings, node.children, stack);
      continue;
    }
    if (empty) continue;
    if (Array.isArray(value)) {
      for (const item of value) out += renderNodes(settings, node.children, [...stack, item]);
    } else if (typeof value === 'object') {
      out += renderNodes(settings, node.children, [...stack, value]);
    } else {
      out += renderNodes(settings, node.children, stack);
    }
  }
  return out;
}

/**
 * A CSS string literal with quotes, for `content:` in running.css and the letters' footer. `<` is
 * escaped too, so no value can close the <style> element.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.codePointAt(0)!.toString(16).toUpperCase()} `)}"`;
}
