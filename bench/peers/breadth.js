#!/usr/bin/env node
// breadth.js - Microsoft Recognizers-Text (English) on the sentences of the breadth
// gold set: reads one JSON string (a sentence) a line on standard input and writes,
// for each, one JSON array of what the number, percentage, currency, dimension and
// temperature models found: {model, start, end, text, value, unit, iso}, offsets in
// UTF-16 code units of the sentence, end exclusive. Run by bench/breadth_peers.py.
'use strict';
const fs = require('fs');
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');

const culture = 'en-us';
const num = new NumberRecognizer(culture);
const unit = new NumberWithUnitRecognizer(culture);
const models = {
  number: num.getNumberModel(),
  percentage: num.getPercentageModel(),
  currency: unit.getCurrencyModel(),
  dimension: unit.getDimensionModel(),
  temperature: unit.getTemperatureModel(),
};
const out = [];
for (const line of fs.readFileSync(0, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const text = JSON.parse(line);
  const found = [];
  for (const [name, model] of Object.entries(models)) {
    for (const r of model.parse(text)) {
      const res = r.resolution || {};
      found.push({ model: name, start: r.start, end: r.end + 1, text: r.text,
                   value: res.value === undefined ? null : res.value,
                   unit: res.unit || null, iso: res.isoCurrency || null });
    }
  }
  out.push(JSON.stringify(found));
}
process.stdout.write(out.join('\n') + '\n');
