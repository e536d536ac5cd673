// A CommonJS file in the same tree: require() finds the package's CommonJS build ("main").
exports.createRequire = () => ({ version: require('dayjs/package.json').version });
