#!/usr/bin/env node
// compromise.js CORPUS - compromise over the corpus, one nlp() call per paragraph,
// then its numbers (with their values and offsets), percentages and money.
'use strict';
const nlp = require('compromise');
const { readChunks, countMentions, timed, report } = require('./corpus');

if (process.argv.length !== 3) {
  console.error('usage: compromise.js CORPUS');
  process.exit(2);
}
const corpus = readChunks(process.argv[2]);
const counts = { numbers: 0, percentages: 0, money: 0 };
let mentions = 0;
const time = timed(() => {
  for (const p of corpus.paragraphs) {
    const doc = nlp(p);
    const spans = [];
    for (const n of doc.numbers().json({ offset: true })) {
      counts.numbers++;
      spans.push([n.offset.start, n.offset.start + n.offset.length - 1]);
    }
    for (const n of doc.percentages().json({ offset: true })) {
      counts.percentages++;
      spans.push([n.offset.start, n.offset.start + n.offset.length - 1]);
    }
    for (const n of doc.money().json({ offset: true })) {
      counts.money++;
      spans.push([n.offset.start, n.offset.start + n.offset.length - 1]);
    }
    mentions += countMentions(spans);
  }
});
report(`compromise ${nlp.version}`, corpus, time, mentions,
       Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '));
