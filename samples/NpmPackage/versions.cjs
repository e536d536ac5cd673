// A CommonJS file in the same tree: require() reads a package file through node_modules.
exports.dayjs = require('dayjs/package.json').version;
