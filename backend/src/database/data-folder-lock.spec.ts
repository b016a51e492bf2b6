import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DataFolderLockedError, LOCK_STALE_MS, lockDataFolder } from './data-folder-lock';

describe('lockDataFolder', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'peakplan-lock-'));

  it('refuses a second lock while a live PeakPlan holds the folder (lately touched), and frees it on release', () => {
    const dataDir = folder();
    // A live process other than this one: the parent of the jest worker, as a freshly written lock.
    writeFileSync(join(dataDir, 'peakplan.lock'), JSON.stringify({ pid: process.ppid, dataDir }));
    expect(() => lockDataFolder(dataDir)).toThrow(DataFolderLockedError);
    expect(() => lockDataFolder(dataDir)).toThrow(`pid ${process.ppid}`);
  });

  it('takes over a lock whose pid now belongs to an unrelated live process (not touched for a while)', () => {
    const dataDir = folder();
    const lockPath = join(dataDir, 'peakplan.lock');
    // Left by a crashed PeakPlan; after a reboot its pid is the jest worker's parent, alive but not PeakPlan.
    writeFileSync(lockPath, String(process.ppid));
    const old = new Date(Date.now() - LOCK_STALE_MS - 1000);
    utimesSync(lockPath, old, old);
    const release = lockDataFolder(dataDir);
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, dataDir });
    release();
    expect(existsSync(lockPath)).toBe(false);
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
