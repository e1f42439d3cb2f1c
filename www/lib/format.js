// Small formatting and DOM helpers shared by the page, the embedding layer
// and its panel. Text always reaches the DOM as text (textContent, text
// nodes), never as markup.

export const fmt = (n) => n.toLocaleString('en');
export const plural = (n, one, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;
export const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * Creates an element: `props` sets `class`, `text` (as textContent) and
 * attributes (`true` as an empty attribute; null, undefined and false
 * leave it out); strings among `children` become text nodes.
 */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

/** Scrolls `node` to the middle of the view, smoothly unless reduced motion is asked for. */
export function scrollToCenter(node) {
  node?.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
}

/**
 * Adopts `sheet` (a constructed CSSStyleSheet, allowed by a CSP without
 * 'unsafe-inline') in the document or shadow root holding `node`, once.
 * Returns false where constructed stylesheets are not supported.
 */
export function adopt(node, sheet) {
  const root = node?.getRootNode?.() ?? document;
  if (!('adoptedStyleSheets' in root)) return false;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return true;
}

/** Takes `sheet` out of the adopted stylesheets of the document or shadow root holding `node`. */
export function unadopt(node, sheet) {
  const root = node?.getRootNode?.() ?? document;
  if (!('adoptedStyleSheets' in root) || !root.adoptedStyleSheets.includes(sheet)) return false;
  root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  return true;
}

/** A constructed stylesheet of `css`, made on first use. */
export function lazySheet(css) {
  let sheet = null;
  return () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(typeof css === 'function' ? css() : css);
    }
    return sheet;
  };
}
