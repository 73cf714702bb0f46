import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../node/atomic-write';
import { createBackupStore } from '../../node/backup-store';
import { diskChange, readWithStamp, stampAfterWrite } from '../../node/file-stamp';
import { acquireLock, readLock } from '../../node/lock-file';
import { RecoveryStore } from '../../node/recovery';
import type { HostServiceDeps } from '../host-service';
import { KnownPaths } from '../known-paths';
import type { RecentFiles } from '../recent-files';
import { SettingsStore } from '../settings-store';
import { TemplateStore } from '../../node/template-store';

/** The host's real disk dependencies under a test folder; dialogs and notifications come from the caller. */
export function diskDeps(dir: string, recent: RecentFiles): Omit<HostServiceDeps, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox' | 'onDocumentState' | 'onRecentChanged' | 'onSaveAbandoned'> {
  return {
    readFile: async (p: string) => new Uint8Array(await readFile(p)),
    writeFile: (p: string, b: Uint8Array, o: { backup: boolean }) => writeFileAtomic(p, b, o),
    recent,
    known: new KnownPaths(false),
    recovery: new RecoveryStore(join(dir, 'recovery')),
    settings: new SettingsStore(join(dir, 'settings.json')),
    templates: new TemplateStore(join(dir, 'templates')),
    defaultFolder: dir,
    startupPath: null,
    disk: { readWithStamp, diskChange, stampAfterWrite, acquireLock: (p: string) => acquireLock(p), readLock: (p: string) => readLock(p) },
    backups: createBackupStore(join(dir, 'backups')),
    setAsideRecovery: async () => null,
  };
}
