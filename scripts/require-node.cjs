// Direct `node` runs of the project's scripts on an old Node get one line instead of a stack
// trace. npm's own scripts (npm start, npm test, ...) run on the Node 24 that npm install puts in
// node_modules/.bin (the registry's `node` package, a devDependency).
const { nodeTooOld } = require('../bin/node-version.cjs');
const refusal = nodeTooOld('Azure Credential Manager');
if (refusal) {
  console.error(`${refusal}\nFrom a checkout, npm start and npm test use the Node that npm install brings.`);
  process.exit(1);
}
