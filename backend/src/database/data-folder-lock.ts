import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export class DataFolderLockedError extends Error {
  override readonly name = 'DataFolderLockedError';
}

/** The holder touches the lock this often… */
export const LOCK_HEARTBEAT_MS = 5_000;
/** …so a lock untouched for this long has no PeakPlan behind it, whatever process has its pid now. */
export const LOCK_STALE_MS = 30_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): { pid: number; touchedMs: number } | undefined {
  try {
    const text = readFileSync(lockPath, 'utf8').trim();
    // Older PeakPlan versions wrote the bare pid.
    const pid = Number(text.startsWith('{') ? (JSON.parse(text) as { pid?: unknown }).pid : text);
    return { pid, touchedMs: statSync(lockPath).mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Takes an exclusive lock on the embedded data folder: two processes on one PGlite folder silently
 * lose writes, so the second one must refuse to start. The lock names its holder (pid and folder) and
 * the holder touches it every few seconds: a lock is held only while its pid lives AND it was touched
 * lately. A pid alone proved nothing — after a crash and a reboot it may belong to any process, which
 * used to block the start. Returns the function that releases it.
 */
export function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'peakplan.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, dataDir, program: 'peakplan' }));
      closeSync(fd);
      const heartbeat = setInterval(() => {
        try {
          const stamp = new Date();
          utimesSync(lockPath, stamp, stamp);
        } catch {
          // The folder went away: nothing left to guard.
        }
      }, LOCK_HEARTBEAT_MS);
      heartbeat.unref();
      return () => {
        clearInterval(heartbeat);
        if (readHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      const live =
        holder !== undefined &&
        Number.isInteger(holder.pid) &&
        holder.pid > 0 &&
        holder.pid !== process.pid &&
        isAlive(holder.pid) &&
        Date.now() - holder.touchedMs < LOCK_STALE_MS;
      if (live) {
        throw new DataFolderLockedError(
          `data folder ${dataDir} is in use by another PeakPlan process (pid ${holder.pid}); stop it, or set PEAKPLAN_DATA_DIR to another folder`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataFolderLockedError(
    `could not lock data folder ${dataDir}; remove ${lockPath} if no PeakPlan runs`,
  );
}
