import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Element, ElementContent, Root, Text } from 'hast';
import { toString } from 'mdast-util-to-string';
import type { Root as MdRoot } from 'mdast';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';

export interface ParagraphAnchor {
  /** Absatz number as written, „(2)“ → 2. */
  number: number;
  anchor: string;
}

export interface RenderedBody {
  html: string;
  paragraphs: ParagraphAnchor[];
  /** Plain text, for search snippets, diffs and the PDF outline. */
  text: string;
}

const ABSATZ = /^\((\d+)\)\s/;

/**
 * Renders a content body (Markdown only; the validator has refused MDX code) to HTML.
 * Raw HTML in the source is dropped, never passed through. Each Absatz „(n)“ gets the
 * stable anchor `<anchorPrefix>-abs-<n>`.
 *
 * A pure function of its two arguments, and called with the same text many times in one build
 * (each data-protection reading of a version shares most §§; site and PDFs render the same
 * text): the result is remembered, and each caller gets its own copy.
 */
export function renderMarkdownBody(markdown: string, anchorPrefix: string): RenderedBody {
  const key = `${anchorPrefix}\0${markdown}`;
  let rendered = rendered_.get(key);
  if (!rendered) {
    if (rendered_.size >= MAX_REMEMBERED) rendered_.clear();
    rendered = render(markdown, anchorPrefix);
    rendered_.set(key, rendered);
  }
  return { html: rendered.html, paragraphs: rendered.paragraphs.map((p) => ({ ...p })), text: rendered.text };
}

const MAX_REMEMBERED = 10_000;
const rendered_ = new Map<string, RenderedBody>();

function render(markdown: string, anchorPrefix: string): RenderedBody {
  const paragraphs: ParagraphAnchor[] = [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(() => (tree: Root) => {
      for (const node of tree.children) {
        if (node.type !== 'element' || node.tagName !== 'p') continue;
        const first = node.children[0];
        if (first?.type !== 'text') continue;
        const match = ABSATZ.exec(first.value);
        if (!match) continue;
        const number = Number(match[1]);
        const anchor = `${anchorPrefix}-abs-${number}`;
        paragraphs.push({ number, anchor });
        node.properties = { ...node.properties, id: anchor, className: ['absatz'] };
        (first as Text).value = first.value.slice(match[0].length);
        const marker: Element = {
          type: 'element',
          tagName: 'a',
          properties: { className: ['absatz-nr'], href: `#${anchor}` },
          children: [{ type: 'text', value: `(${number})` }],
        };
        node.children = [marker, { type: 'text', value: '\u00a0' }, ...(node.children as ElementContent[])];
      }
    })
    .use(rehypeStringify);
  // One parse for both: the plain text from the Markdown tree, then the HTML from the same tree.
  const mdTree = processor.parse(markdown) as MdRoot;
  const text = mdTree.children.map((n) => toString(n)).join('\n\n');
  const html = processor.stringify(processor.runSync(mdTree) as Root);
  return { html, paragraphs, text };
}

/** Gives one page's headings their ids; a page rendered in parts shares one, so ids stay unique. */
export function createHeadingSlugger(): GithubSlugger {
  return new GithubSlugger();
}

/**
 * A prose page (Impressum …) from Markdown: raw HTML dropped as in every content body, headings
 * with ids made the way the site's other pages make them (github-slugger: „haftung-für-links“), so
 * a heading can be linked to.
 */
export function renderProseMarkdown(markdown: string, slugger: GithubSlugger = createHeadingSlugger()): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(() => (tree: Root) => {
      visit(tree, 'element', (node: Element) => {
        if (!/^h[1-6]$/.test(node.tagName) || node.properties?.id) return;
        node.properties = { ...node.properties, id: slugger.slug(hastToString(node)) };
      });
    })
    .use(rehypeStringify);
  return String(processor.processSync(markdown));
}

/** Markdown's special characters in a value set into a page, so a name like „A & B *neu*“ stays text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~!&]/g, (c) => `\\${c}`);
}

function hastToString(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(hastToString).join('');
  return '';
}
