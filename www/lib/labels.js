// The one table of entity labels: each label's name for readers and its
// colour (hue and saturation; lightness is chosen per use and colour scheme).
// The page, the embedding layer and its panel all read it from here.
import { fmt, plural } from './format.js';

/** Per label: a reader's name, and the hue and saturation of its colour. */
const TABLE = {
  PERSON: ['Person', 215, 85], NORP: ['Group / nationality', 275, 60], ORG: ['Organisation', 32, 92],
  GPE: ['Country / city', 145, 55], LOC: ['Location', 175, 55], FAC: ['Facility', 20, 45],
  PRODUCT: ['Product', 330, 70], EVENT: ['Event', 0, 72], WORK_OF_ART: ['Work of art', 305, 55],
  LAW: ['Law', 230, 20], LANGUAGE: ['Language', 190, 70], DATE: ['Date', 55, 60], TIME: ['Time', 65, 45],
  PERCENT: ['Percent', 95, 30], MONEY: ['Money', 120, 30], QUANTITY: ['Quantity', 200, 20],
  ORDINAL: ['Ordinal', 250, 15], CARDINAL: ['Number', 250, 15], MISC: ['Other', 0, 0],
};

/** A reader's name for each label ("GPE" -> "Country / city"), in the result's label order. */
export const LABELS = Object.freeze(Object.fromEntries(Object.entries(TABLE).map(([label, [name]]) => [label, name])));

/** Hue and saturation of each label's colour. */
export const LABEL_HUES = Object.freeze(Object.fromEntries(Object.entries(TABLE).map(([label, [, h, s]]) => [label, Object.freeze([h, s])])));

/** The labels in the result's order. */
export const LABEL_ORDER = Object.freeze(Object.keys(TABLE));

export const labelName = (label) => LABELS[label] ?? label;

/** CSS setting `--nl-h` and `--nl-s` on `selector` by its data-label. */
export function hueRules(selector) {
  return Object.entries(LABEL_HUES)
    .map(([label, [h, s]]) => `${selector}[data-label="${label}"] { --nl-h: ${h}; --nl-s: ${s}%; }`)
    .join('\n');
}

/**
 * Readers' names for the kinds of what was left out: `article.boilerplate`
 * (lines of the text) and `article.set_aside` (parts of a page around the story).
 */
export const BOILERPLATE_KINDS = Object.freeze({
  'repeated-title': 'repeated title', stamp: 'time stamp', 'comment-policy': 'comment policy',
  promo: 'promotion', copyright: 'copyright', label: 'label',
  navigation: 'menu', related: 'related links', share: 'share buttons', newsletter: 'newsletter prompt',
  cookie: 'cookie notice', comments: 'comments', footer: 'footer', credit: 'photo credit',
  advertisement: 'advertisement', other: 'other',
});

/**
 * What a page's set-aside runs (`article.set_aside`) are, for readers: a heading for
 * each run, and how a summary line ("Left out: menu, 12 related links, footer") counts
 * the runs of a kind (`runs`) and the blocks they hold (`blocks`).
 */
export const SET_ASIDE_KINDS = Object.freeze({
  navigation: { name: 'Menu', summary: (runs) => (runs === 1 ? 'menu' : `${fmt(runs)} menus`) },
  related: { name: 'Related links', summary: (runs, blocks) => plural(blocks, 'related link') },
  comments: { name: 'Comments', summary: (runs, blocks) => plural(blocks, 'comment') },
  share: { name: 'Share buttons', summary: () => 'share buttons' },
  newsletter: { name: 'Newsletter sign-up', summary: () => 'newsletter sign-up' },
  consent: { name: 'Cookie notice', summary: () => 'cookie notice' },
  advertisement: { name: 'Advertisement', summary: (runs) => (runs === 1 ? 'an ad' : `${fmt(runs)} ads`) },
  footer: { name: 'Footer', summary: () => 'footer' },
  other: { name: 'Other', summary: (runs, blocks) => plural(blocks, 'other line') },
});
