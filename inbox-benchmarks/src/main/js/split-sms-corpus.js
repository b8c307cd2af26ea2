// Times the split-sms library (npm) over the corpus of CorpusBenchmark, so that the segment
// counter's figures can be read beside it: the counter's goal is at least 50 times split-sms's
// speed. Not part of the build; run by hand, next to SegmentCounterCpuTime corpus:
//
//   java -cp inbox-benchmarks/target/classes:inbox-core/target/classes \
//       io.github.inboxkit.benchmarks.text.Corpus /tmp/corpus.json
//   (cd /tmp && npm install split-sms@0.1.7)
//   NODE_PATH=/tmp/node_modules node inbox-benchmarks/src/main/js/split-sms-corpus.js /tmp/corpus.json
//
// Prints wall-clock and process CPU time per message, over five rounds after three of warm-up.
'use strict';
const fs = require('fs');
const splitter = require('split-sms');

const texts = JSON.parse(fs.readFileSync(process.argv[2] || '/tmp/corpus.json', 'utf8'));
const repetitions = 20;
let sink = 0;
for (let round = 0; round < 8; round++) {
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  for (let r = 0; r < repetitions; r++) {
    for (const text of texts) {
      sink += splitter.split(text).parts.length;
    }
  }
  const wallNanos = Number(process.hrtime.bigint() - wallStart);
  const cpu = process.cpuUsage(cpuStart);
  const cpuNanos = (cpu.user + cpu.system) * 1000;
  if (round >= 3) {
    const messages = repetitions * texts.length;
    console.log(`split-sms: ${(wallNanos / messages).toFixed(1)} ns per message (wall), `
        + `${(cpuNanos / messages).toFixed(1)} ns CPU`);
  }
}
if (sink === 42) console.log('');
