#!/usr/bin/env node
// recognizers.js CORPUS - Microsoft Recognizers-Text (English) over the corpus, one
// call per paragraph and per model: number, percentage, currency, dimension, age and
// temperature. The models are built once and reused, as the library's own helpers
// (recognizeNumber() and the like) build a new recognizer on every call.
'use strict';
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');
const { readChunks, countMentions, timed, report } = require('./corpus');

if (process.argv.length !== 3) {
  console.error('usage: recognizers.js CORPUS');
  process.exit(2);
}
const corpus = readChunks(process.argv[2]);
const culture = 'en-us';
const num = new NumberRecognizer(culture);
const unit = new NumberWithUnitRecognizer(culture);
const models = {
  number: num.getNumberModel(),
  percentage: num.getPercentageModel(),
  currency: unit.getCurrencyModel(),
  dimension: unit.getDimensionModel(),
  age: unit.getAgeModel(),
  temperature: unit.getTemperatureModel(),
};
const counts = Object.fromEntries(Object.keys(models).map((k) => [k, 0]));
let mentions = 0;
const time = timed(() => {
  for (const p of corpus.paragraphs) {
    const spans = [];
    for (const [name, model] of Object.entries(models)) {
      for (const r of model.parse(p)) {
        counts[name]++;
        spans.push([r.start, r.end]); // end is inclusive
      }
    }
    mentions += countMentions(spans);
  }
});
const version = require('@microsoft/recognizers-text-number/package.json').version;
report(`Recognizers-Text ${version}`, corpus, time, mentions,
       Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', '));
