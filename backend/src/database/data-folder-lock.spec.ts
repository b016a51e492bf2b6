import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DataFolderLockedError, lockDataFolder } from './data-folder-lock';

describe('lockDataFolder', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'peakplan-lock-'));

  it('refuses a second lock while a live process holds the folder, and frees it on release', () => {
    const dataDir = folder();
    // A live process other than this one: the parent of the jest worker.
    writeFileSync(join(dataDir, 'peakplan.lock'), String(process.ppid));
    expect(() => lockDataFolder(dataDir)).toThrow(DataFolderLockedError);
    expect(() => lockDataFolder(dataDir)).toThrow(`pid ${process.ppid}`);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dataDir = folder();
    writeFileSync(join(dataDir, 'peakplan.lock'), '999999999');
    const release = lockDataFolder(dataDir);
    expect(existsSync(join(dataDir, 'peakplan.lock'))).toBe(true);
    release();
    expect(existsSync(join(dataDir, 'peakplan.lock'))).toBe(false);
  });

  it('creates a missing data folder', () => {
    const dataDir = join(folder(), 'nested', 'data');
    lockDataFolder(dataDir)();
    expect(existsSync(dataDir)).toBe(true);
  });
});
