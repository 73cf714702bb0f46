/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder loads hooks with require() */
// electron-builder afterPack hook: flip Electron fuses on the packaged binary (before signing).
const { applyFuses } = require('./fuses.cjs');

exports.default = async function afterPack(context) {
  await applyFuses(context);
};
