// A careful reader's checks on modern news web pages (issues 25 and 26, held
// out): who said what, people's roles, names' labels and which names are one
// entity. The pages stay in ../shared/data/web/readability; checks.tsv holds
// only page names and the reader's answers (see README.md).
//
//   cargo build --release --bin newslens && node bench/reader/score.mjs [-v] [--checks FILE]
//
// quote: some quote's text contains the snippet (curly quotes read as straight,
//   soft hyphens dropped, whitespace collapsed, any case) and its speaker (the
//   speaker's entity name, the phrase a "they" stands for, or the speaker span)
//   contains one of the names; "-": the quote has no speaker.
// role:  as bench/people/score.mjs (the same matching, bench/people/match.mjs).
// label: a name mention with exactly that text (or an entity of that name) carries it.
// same:  a mention of each form shares one entity; a form matches a mention's
//   text as written or after a courtesy title ("Mr.", "Mrs.", "Ms.", "Dr.") or "the".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { labelsFor, personFor, roleMatch } from '../people/match.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const web = path.resolve(root, '../shared/data/web');
const pagesDir = path.join(web, 'readability');
const cli = path.join(root, 'target/release/newslens');
const verbose = process.argv.includes('-v');
// Another checks file, for trying the scorer out on pages outside the held-out set.
const checksArg = process.argv.indexOf('--checks');
const checksFile = checksArg > 0 ? path.resolve(process.argv[checksArg + 1]) : path.join(here, 'checks.tsv');
const KINDS = ['quote', 'role', 'label', 'same'];

/** A name as written, with soft hyphens dropped and curly apostrophes read as straight. */
const written = (s) => (s ?? '').replace(/\u00ad/g, '').replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"')
  .replace(/\s+/g, ' ').trim();
/** Text as compared for quotes: as written, any case. */
const loose = (s) => written(s).toLowerCase();
/** What may come before a name in a mention's text: a courtesy title or "the" (as the label check allows). */
const LEADING = /^(Mr|Mrs|Ms|Dr)\.? |^[Tt]he /;

/** The reader's checks, in file order: { kind, page, fields, line }. */
function readChecks() {
  return fs.readFileSync(checksFile, 'utf8').split('\n')
    .map((l, i) => ({ l, line: i + 1 }))
    .filter(({ l }) => l.trim() && !l.startsWith('#'))
    .map(({ l, line }) => {
      const [kind, page, ...fields] = l.split('\t').map((c) => c.trim());
      if (!KINDS.includes(kind)) throw new Error(`${checksFile}:${line}: unknown kind ${kind}`);
      return { kind, page, fields, line };
    });
}

/** newslens's analysis of one page, from its gzipped HTML. */
function analysePage(page, tmp) {
  const html = zlib.gunzipSync(fs.readFileSync(path.join(pagesDir, page, 'source.html.gz')));
  const file = path.join(tmp, `${page}.html`);
  fs.writeFileSync(file, html);
  return JSON.parse(execFileSync(cli, ['extract', '--html', file], { maxBuffer: 1 << 28 }).toString());
}

/**
 * Who newslens says said quote `q`: its entity's name, the phrase a "they"
 * stands for, and the speaker span, or nothing.
 */
const speakerOf = (a, q) => (q.speaker
  ? [q.speaker.entity != null ? a.entities[q.speaker.entity].name : null, q.speaker.refers_to?.text, q.speaker.text]
    .filter((s) => s != null)
  : []);

function checkQuote(a, [snippet, speakers]) {
  const having = a.quotes.filter((q) => loose(q.text).includes(loose(snippet)));
  const names = speakers.split('|').map(loose);
  const ok = having.some((q) => (speakers === '-'
    ? !q.speaker
    : speakerOf(a, q).some((s) => names.some((n) => loose(s).includes(n)))));
  const got = having.length
    ? having.map((q) => `"${q.text.slice(0, 60)}" by ${speakerOf(a, q).join(' / ') || 'no speaker'}`).join('; ')
    : 'no quote has the snippet';
  return { ok, got };
}

function checkRole(a, [person, roles, affiliations]) {
  const e = personFor(a, person);
  const { roleOk, affiliationOk, role, affiliation } = roleMatch(e, roles, affiliations);
  return { ok: roleOk && affiliationOk, got: e ? `${e.name}: ${role} / ${affiliation}` : 'no entity' };
}

function checkLabel(a, [name, label]) {
  const labels = labelsFor(a, name, written);
  return { ok: labels.has(label), got: [...labels].join(',') || 'no mention' };
}

/** The entities of the mentions whose text is `form`, as written or after a courtesy title or "the". */
const entitiesOf = (a, form) => new Set(a.mentions
  .filter((m) => [written(m.text), written(m.text).replace(LEADING, '')].includes(form))
  .map((m) => m.entity).filter((e) => e != null));

function checkSame(a, [first, second]) {
  const one = entitiesOf(a, first), two = entitiesOf(a, second);
  const ok = [...one].some((e) => two.has(e));
  const show = (s) => [...s].map((e) => `${e}:${a.entities[e].name}`).join(',') || 'none';
  return { ok, got: `${first} -> ${show(one)}; ${second} -> ${show(two)}` };
}

const CHECKERS = { quote: checkQuote, role: checkRole, label: checkLabel, same: checkSame };

/** Passed and total counts by kind, with an "all" row. */
const tally = () => Object.fromEntries([...KINDS, 'all'].map((k) => [k, { right: 0, n: 0 }]));
const pct = ({ right, n }) => (n ? `${right}/${n} (${(100 * right / n).toFixed(1)}%)` : '-');
const line = (name, t) => `${name.padEnd(14)} ${KINDS.map((k) => `${k} ${pct(t[k])}`.padEnd(22)).join(' ')} all ${pct(t.all)}`;

function main() {
  if (!fs.existsSync(pagesDir)) {
    console.log(`reader: skipped, the web pages are not at ${web}`);
    return 0;
  }
  if (!fs.existsSync(cli)) {
    console.error('reader: build the CLI first: cargo build --release --bin newslens');
    return 2;
  }
  const checks = readChecks();
  const pages = [...new Set(checks.map((c) => c.page))];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-reader-'));
  const overall = tally();
  try {
    for (const page of pages) {
      const a = analysePage(page, tmp);
      const t = tally();
      for (const c of checks.filter((x) => x.page === page)) {
        const { ok, got } = CHECKERS[c.kind](a, c.fields);
        for (const s of [t[c.kind], t.all, overall[c.kind], overall.all]) { s.n++; s.right += ok; }
        if (verbose && !ok) console.log(`  miss ${c.kind} ${page} | ${c.fields.join(' | ')} | got ${got}`);
      }
      console.log(line(page, t));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(line('overall', overall));
  return 0;
}

process.exit(main());
