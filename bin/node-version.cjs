// Plain CommonJS so that it runs (and explains) on the old Node versions it refuses: the
// `azcred` command (shipped in the package) and the project's scripts (scripts/require-node.cjs)
// share it. 22.18 is the first Node that strips TypeScript types by default (a checkout without a
// bundle runs the sources); the CLI was checked on it, and the test suite runs on the Node 24 that
// npm install brings. Node 20 lacks APIs the core uses (and keytar built for 24 crashes there).
'use strict';
const minimum = [22, 18];

/** The one-line refusal for this Node, or undefined when it is new enough. */
function nodeTooOld(what, version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  if (major > minimum[0] || (major === minimum[0] && minor >= minimum[1])) return undefined;
  return (
    `${what} needs Node.js ${minimum.join('.')} or newer; this is Node ${version}. ` +
    'Install a current Node (https://nodejs.org), or without admin rights: npm install -g node@24'
  );
}

module.exports = { nodeTooOld, minimum };
