// The free-space bridge message on a real small file system: an 8 MB tmpfs as the data folder,
// filled with a file, read through the main process's handler (electron mocked, statfs real).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeChannels, type FreeDiskSpace } from '../../shared/bridge';
import type { Result } from '../../shared/result';
import { mountSmallFileSystem, type SmallFileSystem } from '../fixtures/smallFileSystem';
import { fakeElectron, ipcEventFrom, ipcHandlers } from './fakeElectron';
import { englishText } from '../../shared/i18n/formatMessages';
import { errorMessages } from '../../shared/errorMessages';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { registerBridgeHandlers } = await import('../../electron/bridgeHandlers');

const megabyte = 1024 * 1024;
const fileSystemMegabytes = 8;
let fileSystem: SmallFileSystem | undefined;
let mountPoint = '';

beforeAll(() => {
  fileSystem = mountSmallFileSystem(fileSystemMegabytes, 'The free-space test');
  mountPoint = fileSystem.mountPoint;
  fakeElectron.app.setPath('userData', mountPoint);
  ipcHandlers.clear();
  registerBridgeHandlers();
});

afterAll(() => {
  fakeElectron.app.paths.delete('userData');
  fileSystem?.remove();
});

const freeSpace = async (event = ipcEventFrom('app://field-news/index.html')): Promise<Result<FreeDiskSpace>> => {
  const handler = ipcHandlers.get(bridgeChannels.getFreeDiskSpace);
  if (!handler) throw new Error('no handler for getFreeDiskSpace');
  return (await handler(event)) as Result<FreeDiskSpace>;
};
const readValue = async (): Promise<FreeDiskSpace> => {
  const answer = await freeSpace();
  if (!answer.ok) throw new Error(englishText(answer.error));
  return answer.value;
};

describe('getFreeDiskSpace in the main process', () => {
  it('reports the data folder file system: all of it free when empty, less as a file fills it, none when full', async () => {
    expect(await readValue()).toEqual({ freeBytes: fileSystemMegabytes * megabyte, totalBytes: fileSystemMegabytes * megabyte });

    writeFileSync(path.join(mountPoint, 'five-megabytes'), Buffer.alloc(5 * megabyte, 1));
    const afterFive = await readValue();
    expect(afterFive.totalBytes).toBe(fileSystemMegabytes * megabyte);
    // tmpfs counts whole 4 KB pages and keeps no room back, so the rest is 3 MB give or take a page.
    expect(afterFive.freeBytes).toBeGreaterThan(3 * megabyte - 8 * 1024);
    expect(afterFive.freeBytes).toBeLessThanOrEqual(3 * megabyte);

    expect(() => writeFileSync(path.join(mountPoint, 'the-rest'), Buffer.alloc(4 * megabyte, 2))).toThrow(/ENOSPC/);
    expect((await readValue()).freeBytes).toBe(0);
  });

  it('answers only the app page', async () => {
    expect(await freeSpace(ipcEventFrom('https://evil.example/'))).toEqual({ ok: false, error: errorMessages.bridgeUnexpectedSender });
  });

  it('answers with a failure value, not a throw, when the data folder cannot be read', async () => {
    fakeElectron.app.setPath('userData', path.join(mountPoint, 'no-such-folder'));
    try {
      expect(await freeSpace()).toMatchObject({ ok: false });
    } finally {
      fakeElectron.app.setPath('userData', mountPoint);
    }
  });
});
