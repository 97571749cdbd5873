// Turns model-written Markdown into HTML that can neither run script nor load anything: model output
// is untrusted, and a fetched image URL can carry the patient's details to another host.
//
// Markdown → HTML (marked) → DOMPurify with a closed allow-list of text-only elements. Images become a
// text placeholder naming the alt text and the address (with a link that opens only on a click);
// every element that could fetch something (img, picture, video, audio, iframe, svg, link, meta,
// form, style...) and every attribute that could (src, srcset, style, action, poster...) is dropped.

import createDOMPurify, { type DOMPurify, type UponSanitizeAttributeHookEvent, type UponSanitizeElementHookEvent } from 'dompurify';
import { Marked } from 'marked';

/** Elements rendered Markdown may contain: text structure only, none of them loads a resource. */
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'strong', 'b', 'em', 'i', 'del', 's', 'u', 'mark', 'small', 'sub', 'sup', 'abbr',
  'code', 'pre', 'kbd', 'samp', 'blockquote',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'a', 'span', 'div', 'details', 'summary',
];

/** Attributes kept; none of them names a resource except `href`, which only links (see the hooks). */
const ALLOWED_ATTR = ['href', 'title', 'align', 'start', 'colspan', 'rowspan', 'class'];

/** Links may go to web pages and mail addresses only (no javascript:, data:, relative app paths). */
const LINK_URL = /^(?:https?|mailto):/i;

/** Classes kept: our own placeholders and marked's code-language marker (nothing that mimics the app). */
const KEPT_CLASS = /^(?:md-image|md-task|language-[\w+-]{1,40})$/;

/** The CSS class of the text that stands in for an image that was not loaded. */
export const IMAGE_PLACEHOLDER_CLASS = 'md-image';

const MAX_SHOWN_URL = 160;

const markdown = new Marked({ gfm: true, breaks: true, async: false });

let purifier: DOMPurify | null = null;

/** A DOMPurify instance of our own, so these hooks never affect any other use of DOMPurify. */
function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  if (typeof window === 'undefined') throw new Error('renderMarkdown needs a DOM (it runs in the page).');
  const instance = createDOMPurify(window);
  instance.addHook('uponSanitizeElement', replaceLoadingElement);
  instance.addHook('uponSanitizeAttribute', limitAttributeValues);
  instance.addHook('afterSanitizeAttributes', openLinksSafely);
  purifier = instance;
  return instance;
}

/** Shortens a long address (e.g. a data: URI) for display, keeping its start, which says where it goes. */
function shownUrl(url: string): string {
  return url.length > MAX_SHOWN_URL ? `${url.slice(0, MAX_SHOWN_URL)}…` : url;
}

/**
 * Before DOMPurify drops an image (img is not allowed), puts a text placeholder after it: the alt text
 * and the address, the address a link when it is a web address. Task-list checkboxes become ☑/☐ so
 * no form control is kept. The placeholder is built from text nodes and is sanitised in turn.
 */
function replaceLoadingElement(node: Node, data: UponSanitizeElementHookEvent): void {
  if (!(node instanceof Element) || !node.parentNode) return;
  const doc = node.ownerDocument;
  if (data.tagName === 'img') {
    const alt = node.getAttribute('alt')?.trim() ?? '';
    const src = node.getAttribute('src')?.trim() ?? '';
    const placeholder = doc.createElement('span');
    placeholder.className = IMAGE_PLACEHOLDER_CLASS;
    placeholder.setAttribute('title', 'Images in answers are not loaded: loading one would send a request to another site.');
    placeholder.append(doc.createTextNode(`[image not loaded${alt ? `: ${alt}` : ''}${src ? ' — ' : ''}`));
    if (src && LINK_URL.test(src)) {
      const link = doc.createElement('a');
      link.setAttribute('href', src);
      link.textContent = shownUrl(src);
      placeholder.append(link);
    } else if (src) {
      placeholder.append(doc.createTextNode(shownUrl(src)));
    }
    placeholder.append(doc.createTextNode(']'));
    node.after(placeholder);
  } else if (data.tagName === 'input' && node.getAttribute('type')?.toLowerCase() === 'checkbox') {
    const mark = doc.createElement('span');
    mark.className = 'md-task';
    mark.textContent = node.hasAttribute('checked') ? '☑' : '☐';
    node.after(mark);
  }
}

/**
 * Links keep only web and mail addresses (DOMPurify's own URI check is left at its default, which also
 * vets every other attribute); classes keep only KEPT_CLASS, so model output cannot borrow app styles.
 */
function limitAttributeValues(_node: Element, data: UponSanitizeAttributeHookEvent): void {
  if (data.attrName === 'href') {
    if (!LINK_URL.test(data.attrValue.trim())) data.keepAttr = false;
    return;
  }
  if (data.attrName !== 'class') return;
  const kept = data.attrValue.split(/\s+/).filter((c) => KEPT_CLASS.test(c));
  if (kept.length === 0) data.keepAttr = false;
  else data.attrValue = kept.join(' ');
}

/** Every kept link opens in a new tab, on a click only, without telling the target where it came from. */
function openLinksSafely(node: Element): void {
  if (node.tagName !== 'A') return;
  if (!node.hasAttribute('href')) return;
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
  node.setAttribute('referrerpolicy', 'no-referrer');
}

/**
 * Renders untrusted Markdown (model output, imported text) to HTML safe to insert with innerHTML:
 * no script, no event handlers, and nothing that loads a resource from anywhere. Needs a DOM.
 */
export function renderMarkdown(text: string): string {
  const html = markdown.parse(text) as string;
  return getPurifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    // Content of removed elements stays as text, except where it is code or markup (script, style…).
    KEEP_CONTENT: true,
  });
}
