// electron-builder configuration: per-user Windows installer + portable build, deb and AppImage for x64/arm64.
// `npm run dist` builds installers (needs internet once for Electron's zip and NSIS/AppImage tools);
// `electron-builder --dir` with a stub electronDist checks the package layout offline (build/package-layout.test.ts).
const PRODUCT = '预算公开编制助手';
const DESCRIPTION = '部门/单位预算公开表格与说明的编制、审核与导出';

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.gov.ysgk.budget-disclosure',
  productName: PRODUCT,
  executableName: 'budget-disclosure',
  copyright: PRODUCT,
  // deb packages require a homepage; package.json has none yet. `.invalid` is a reserved, never-resolving domain:
  // replace it with the project's real address when there is one.
  // desktopName: Electron's Linux app_id / WM_CLASS, so UOS/Kylin docks group the window under the desktop entry
  // (StartupWMClass cannot be the Chinese product name).
  extraMetadata: { homepage: 'https://budget-disclosure.invalid/', desktopName: 'budget-disclosure.desktop' },
  directories: { output: 'release', buildResources: 'build' },
  // Only what runs: the two esbuild bundles and the renderer bundle (templates are bundled into it).
  files: ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/**/*', '!**/*.map'],
  asar: true,
  // package.json "dependencies" is empty by design: everything is bundled, so no node_modules are packaged.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  includePdb: false,
  electronLanguages: ['zh-CN', 'en-US'],
  afterPack: './build/after-pack.cjs',
  fileAssociations: [
    {
      ext: 'ysgk',
      name: 'YSGK',
      description: '预算公开文档',
      mimeType: 'application/x-ysgk',
      icon: 'file-icon',
      role: 'Editor',
    },
  ],
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'build/icon.ico',
    // Never ask for elevation: agency users have no admin rights.
    requestedExecutionLevel: 'asInvoker',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052',
    unicode: true,
    installerIcon: 'build/icon.ico',
    uninstallerIcon: 'build/icon.ico',
    createDesktopShortcut: 'always',
    createStartMenuShortcut: true,
    shortcutName: PRODUCT,
    uninstallDisplayName: PRODUCT,
    // Keep the officer's recent list and recovery copies across reinstalls.
    deleteAppDataOnUninstall: false,
    artifactName: 'budget-disclosure-setup-${version}-${arch}.${ext}',
  },
  portable: {
    requestExecutionLevel: 'user',
    unicode: true,
    artifactName: 'budget-disclosure-portable-${version}-${arch}.${ext}',
  },
  linux: {
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    icon: 'build/icons',
    category: 'Office',
    syncDesktopName: true,
    synopsis: PRODUCT,
    description: DESCRIPTION,
    maintainer: '预算公开编制助手 <budget-disclosure@localhost>',
    vendor: PRODUCT,
    desktop: {
      entry: {
        Name: PRODUCT,
        'Name[zh_CN]': PRODUCT,
        GenericName: '预算公开编制',
        'GenericName[zh_CN]': '预算公开编制',
        Comment: DESCRIPTION,
        'Comment[zh_CN]': DESCRIPTION,
        Keywords: '预算;公开;财政;部门预算;',
      },
    },
  },
  deb: { artifactName: 'budget-disclosure_${version}_${arch}.${ext}' },
  appImage: { artifactName: 'budget-disclosure-${version}-${arch}.${ext}' },
};
