// `npm run bench -- <name> [options]`: runs bench/<name>.bench.ts, which prints one JSON object of figures last.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const dir = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''));
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <name> [options]\nBenchmarks: ${available.join(', ')}`);
  process.exit(2);
}
const bench = (await import(pathToFileURL(path.join(dir, `${name}.bench.ts`)).href)) as {
  run(args: string[]): Promise<Record<string, unknown>>;
};
const figures = await bench.run(args);
console.log(JSON.stringify(figures));
process.exit(0);
