// For each line of stdin (a JSON text), prints JSON.stringify(JSON.parse(line)): the bytes the reference loader
// hands a module for that value. ao4j's ReferenceJson must write exactly these.
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.length > 0);
process.stdout.write(lines.map((l) => JSON.stringify(JSON.parse(l))).join('\n') + '\n');
