// The process boundaries are checked by machine: a forbidden import in a layer fails `npm run lint`.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Type information is not needed for import rules, and a probe file is not part of any tsconfig.
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked as ESLint.Options['overrideConfig'] });

const importErrors = async (filePath: string, source: string) => {
  const [result] = await eslint.lintText(`${source}\nexport const probe = 1;\n`, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').length;
};

describe('layer rules', () => {
  it.each([
    ['shared/probe.ts', "import { app } from 'electron';"],
    ['shared/probe.ts', "import { useState } from 'react';"],
    ['shared/probe.ts', "import { Dexie } from 'dexie';"],
    ['shared/probe.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/probe.ts', "import path from 'path';"],
    ['renderer/probe.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/probe.tsx', "import { readFile } from 'node:fs/promises';"],
    ['electron/probe.ts', "import { useState } from 'react';"],
    ['electron/probe.ts', "import { Dexie } from 'dexie';"],
    // Inside renderer/, a path says the thread: window, each worker, and any-thread code apart.
    ['renderer/workers/sync/probe.ts', "import { useState } from 'react';"],
    ['renderer/workers/search/probe.ts', "import { bridge } from '../../window/bridge';"],
    ['renderer/workers/sync/probe.ts', "import { startSearchIndex } from '../search/searchIndex';"],
    ['renderer/workers/parse/probe.ts', "import { syncFeed } from '../../workers/sync/syncFeed';"],
    ['renderer/window/probe.ts', "import { syncFeed } from '../workers/sync/syncFeed';"],
    ['renderer/window/search/probe.tsx', "import { startSearchIndex } from '../../workers/search/searchIndex';"],
    ['renderer/db/probe.ts', "import { log } from '../window/log';"],
    ['renderer/threads/probe.ts', "import { useLiveQuery } from 'dexie-react-hooks';"],
    ['renderer/log/probe.ts', "import { createSyncRunner } from '../workers/sync/syncRunner';"],
  ])('refuse in %s: %s', async (filePath, source) => {
    expect(await importErrors(filePath, source)).toBe(1);
  });

  it.each([
    ['shared/probe.ts', "import { z } from 'zod';"],
    ['renderer/probe.ts', "import { Dexie } from 'dexie';"],
    ['electron/probe.ts', "import { app } from 'electron';"],
    ['electron/probe.ts', "import path from 'node:path';"],
    ['renderer/window/probe.ts', "import type { SyncCalls } from '../threads/syncContract';"],
    ['renderer/workers/sync/probe.ts', "import { FieldNewsDb } from '../../db/fieldNewsDb';"],
    ['renderer/workers/sync/probe.ts', "import { createFeedParser } from './feedParser';"],
    ['renderer/workers/search/probe.ts', "import { workerLog } from '../../log/workerLog';"],
  ])('allow in %s: %s', async (filePath, source) => {
    expect(await importErrors(filePath, source)).toBe(0);
  });
});
