// corpus.js - reads a benchmark corpus (fc-gen's format) into the chunks a peer
// library is given, the same chunks for every peer.
//
// Documents are separated by a line holding a single form feed. Each document's
// front matter ("---" ... "---" at its start) is dropped, as factcheck does not
// extract claims from it. The body is cut into paragraphs at blank lines: the
// recognisers slow down sharply on long strings (their regular expressions run over
// the whole input), and a paragraph is the unit a news pipeline would hand them.
'use strict';
const fs = require('fs');

function readChunks(path) {
  const text = fs.readFileSync(path, 'utf8');
  const bytes = Buffer.byteLength(text, 'utf8');
  const docs = text.split(/\n?\f\n/);
  const paragraphs = [];
  for (const doc of docs) {
    let body = doc;
    const fm = /^---\n[\s\S]*?\n---\n/.exec(doc);
    if (fm) body = doc.slice(fm[0].length);
    for (const p of body.split(/\n[ \t]*\n/)) {
      const t = p.trim();
      if (t) paragraphs.push(t);
    }
  }
  return { bytes, documents: docs.length, paragraphs };
}

// Counts mentions: spans that overlap (a number inside a currency amount, say) are
// one mention, so a figure recognised by several models is not counted twice.
function countMentions(spans) {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let n = 0;
  let end = -1;
  for (const [s, e] of spans) {
    if (s > end) n++;
    if (e > end) end = e;
  }
  return n;
}

// Times fn(): wall-clock seconds and CPU seconds (user + system) of this process.
function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { seconds, cpu: (cpu.user + cpu.system) / 1e6 };
}

function report(name, corpus, time, found, detail) {
  const mb = corpus.bytes / 1048576;
  console.log(`peer          ${name}`);
  console.log(`size          ${mb.toFixed(1)} MB, ${corpus.documents} documents, ` +
              `${corpus.paragraphs.length} paragraphs (one call each)`);
  console.log(`processing    ${time.seconds.toFixed(3)} s  ${(mb / time.seconds).toFixed(3)} MB/s`);
  console.log(`CPU time      ${time.cpu.toFixed(3)} s  ${(mb / time.cpu).toFixed(3)} MB/s ` +
              '(user + system; the garbage collector\'s threads count too)');
  console.log(`found         ${found} mentions (${detail})`);
}

module.exports = { readChunks, countMentions, timed, report };
