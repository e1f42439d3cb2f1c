// People's roles and affiliations, and names' labels, on PolNeAR articles read
// by careful readers (issue 26). The articles stay in ../shared; the files here
// hold only the readers' answers, keyed by a prefix of each article's id.
//
//   cargo build --release --bin newslens && node bench/people/score.mjs [-v]
//
// A person counts as right when the entity carrying that name has one of the
// listed roles (compared lower-case, "Sen." read as "senator", punctuation
// aside) and one of the listed affiliations ("-": none; "?": any). A name's
// label counts as right when a name mention with exactly that text (or an
// entity of that name) carries it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelsFor, personFor, roleMatch } from './match.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const polnear = path.resolve(root, '../shared/data/quotes/polnear');
const cli = path.join(root, 'target/release/newslens');
const verbose = process.argv.includes('-v');

/** The tab-separated rows of a reader's file, comments left out. */
const rows = (file) => fs.readFileSync(path.join(here, file), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t').map((c) => c.trim()));

/** Analyses of the PolNeAR articles listed in articles.txt. */
function analyse() {
  const ids = new Set(rows('articles.txt').map((r) => r[0]));
  const wanted = [];
  for (const split of ['train', 'dev']) {
    for (const line of fs.readFileSync(path.join(polnear, `${split}.jsonl`), 'utf8').split('\n')) {
      if (!line) continue;
      const r = JSON.parse(line);
      if (r.primary && ids.has(r.id)) wanted.push({ id: r.id, text: r.text });
    }
  }
  const input = wanted.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const out = execFileSync(cli, ['extract', '--jsonl'], { input, maxBuffer: 1 << 28 }).toString();
  return out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** The article analysed for `prefix` (exactly one must match). */
function articleFor(analyses, prefix) {
  const found = analyses.filter((a) => String(a.id).startsWith(prefix));
  if (found.length !== 1) throw new Error(`${found.length} articles for the prefix ${prefix}`);
  return found[0];
}

function scoreRoles(file, analyses) {
  let right = 0, roleRight = 0, n = 0;
  for (const [prefix, name, roles, affiliations] of rows(file)) {
    const e = personFor(articleFor(analyses, prefix), name);
    const { roleOk, affiliationOk, role, affiliation } = roleMatch(e, roles, affiliations);
    n++;
    roleRight += roleOk;
    right += roleOk && affiliationOk;
    if (verbose && !(roleOk && affiliationOk)) {
      console.log(`  miss ${prefix} | ${name} | want ${roles} / ${affiliations} | got ${e ? `${role} / ${affiliation}` : 'no entity'}`);
    }
  }
  return { right, roleRight, n };
}

function scoreLabels(file, analyses) {
  let right = 0, n = 0;
  for (const [prefix, name, label] of rows(file)) {
    const a = articleFor(analyses, prefix);
    const labels = labelsFor(a, name);
    n++;
    right += labels.has(label);
    if (verbose && !labels.has(label)) console.log(`  miss ${prefix} | ${name} | want ${label} | got ${[...labels].join(',') || 'no mention'}`);
  }
  return { right, n };
}

if (!fs.existsSync(path.join(polnear, 'dev.jsonl'))) {
  console.log(`people: skipped, PolNeAR is not at ${polnear}`);
  process.exit(0);
}
if (!fs.existsSync(cli)) {
  console.error('people: build the CLI first: cargo build --release --bin newslens');
  process.exit(2);
}
const files = ['roles-tuning.tsv', 'roles-checked.tsv', 'roles-reader.tsv', 'labels-reader.tsv'];
const analyses = analyse();
const pct = (a, b) => `${a}/${b} (${(100 * a / b).toFixed(1)}%)`;
for (const file of files) {
  if (verbose) console.log(file);
  if (file.startsWith('labels')) {
    const s = scoreLabels(file, analyses);
    console.log(`${file.padEnd(22)} names and labels right ${pct(s.right, s.n)}`);
  } else {
    const s = scoreRoles(file, analyses);
    console.log(`${file.padEnd(22)} role and affiliation right ${pct(s.right, s.n)}; role alone ${pct(s.roleRight, s.n)}`);
  }
}
