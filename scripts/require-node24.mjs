// npm test runs under the node@24 devDependency (node_modules/.bin comes first on PATH inside npm scripts).
// Fail loudly if that ever stops being true: vitest 5, nock 15 and opossum 10 need Node >= 22, the Action runs node24.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`keel: tests must run on Node >= 24, got ${process.version} (${process.execPath})`);
  process.exit(1);
}
console.log(`keel: running on Node ${process.version}`);
