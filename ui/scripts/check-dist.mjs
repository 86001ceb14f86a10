// Fails when the production bundle holds the in-memory double (ui/src/lib/memory/),
// which main.ts imports only behind `import.meta.env.DEV`. Run after `vite build`:
//   node scripts/check-dist.mjs [dist directory, default dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
// Strings only the double's code contains (its marker, its own messages).
const needles = ['casetrail-memory-double', 'cannot read the file: No such file or directory', 'memory/backend'];

function files(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const all = files(dir);
if (!all.some((f) => f.endsWith('.js'))) {
  console.error(`check-dist: no JavaScript under ${dir}; build first (vite build)`);
  process.exit(2);
}
const found = all.flatMap((f) => {
  const text = readFileSync(f, 'utf8');
  return needles.filter((n) => text.includes(n)).map((n) => `${f}: "${n}"`);
});
if (found.length > 0) {
  console.error(`check-dist: the in-memory double is in the production bundle:\n  ${found.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-dist: ${all.length} files under ${dir}, no trace of the in-memory double`);
