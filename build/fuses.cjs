/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: electron-builder loads hooks with require() */
// Electron fuses for the packaged app, flipped by build/after-pack.cjs (electron-builder afterPack hook).
// Fuses are bits compiled into the Electron binary; flipping them after packaging (before signing) removes whole
// attack surfaces that flags in code cannot: running the app binary as plain Node, NODE_OPTIONS injection,
// --inspect debugging of a production app, and loading app code from outside the integrity-checked app.asar.
const { FuseV1Options, FuseVersion, flipFuses } = require('@electron/fuses');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/** The marker @electron/fuses looks for; a binary without it (our stub in CI) cannot have fuses flipped. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Costs nothing: cookies are never used; keep the rest at Electron's defaults.
  [FuseV1Options.EnableCookieEncryption]: true,
};

/** The Electron executable electron-builder produced for this platform. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${product}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${product}.exe`);
  return join(appOutDir, packager.executableName);
}

function hasFuseSentinel(path) {
  if (!existsSync(path)) return false;
  if (!path.endsWith('.app')) return readFileSync(path).includes(FUSE_SENTINEL);
  return true; // macOS bundles: @electron/fuses finds the framework binary itself
}

/** @returns {Promise<'flipped' | 'skipped'>} */
async function applyFuses(context, log = console.log, flip = flipFuses) {
  const binary = electronBinary(context);
  if (!hasFuseSentinel(binary)) {
    log(`[fuses] 跳过：${binary} 不含 Electron 熔丝标记（测试用的占位可执行文件），未设置熔丝`);
    return 'skipped';
  }
  await flip(binary, { ...FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 });
  log(`[fuses] 已设置：${binary}`);
  return 'flipped';
}

module.exports = { FUSES, FUSE_SENTINEL, applyFuses, electronBinary, hasFuseSentinel };
