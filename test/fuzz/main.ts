/**
 * `npm run fuzz`: the long run of the three fuzzers (35,000 inputs each by default, or the count given),
 * printing per fuzzer its inputs, outcomes, uncaught exceptions, engine throws, inputs over a second and
 * inputs per second. Exits 1 when any rule was broken, with the first failures.
 */
import { fuzz, type FuzzReport } from './harness';
import { checkDocumentJson, checkLink, generateDocumentJson, generateLink, presetLinks } from './link-fuzz';
import { checkMermaid, generateMermaid } from './mermaid-fuzz';

const count = Number(process.argv[2] ?? 35_000);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);

function print(report: FuzzReport): void {
  const rate = Math.round(report.inputs / report.seconds);
  console.log(
    `${report.name.padEnd(10)} ${report.inputs} inputs in ${report.seconds.toFixed(1)} s (${rate}/s): ` +
      `${report.uncaught} uncaught, ${report.engineThrows} engine throws, ${report.slow} over 1 s ` +
      `(slowest ${Math.round(report.slowestMs)} ms), ${report.failures.length} failures`,
  );
  console.log(`           outcomes ${JSON.stringify(report.outcomes)}`);
  for (const failure of report.failures.slice(0, 5))
    console.log(
      `  ${failure.rule} at #${failure.index}: ${failure.detail}\n    ${JSON.stringify(failure.input)}`,
    );
}

console.log(`seed ${seed}, ${count} inputs per fuzzer`);
const links = await presetLinks();
const reports = [
  await fuzz('mermaid', count, seed, generateMermaid, checkMermaid, 'flowchart LR\nA --> B'),
  await fuzz('links', count, seed + 1, (rng) => generateLink(rng, links), checkLink, links[0]),
  await fuzz('documents', count, seed + 2, generateDocumentJson, checkDocumentJson),
];
reports.forEach(print);
const total = reports.reduce((sum, r) => sum + r.inputs, 0);
const broken = reports.reduce((sum, r) => sum + r.failures.length, 0);
console.log(`total ${total} inputs, ${broken} failures`);
process.exitCode = broken > 0 ? 1 : 0;
