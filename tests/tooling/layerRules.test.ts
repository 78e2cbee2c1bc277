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
  ])('refuse in %s: %s', async (filePath, source) => {
    expect(await importErrors(filePath, source)).toBe(1);
  });

  it.each([
    ['shared/probe.ts', "import { z } from 'zod';"],
    ['renderer/probe.ts', "import { Dexie } from 'dexie';"],
    ['electron/probe.ts', "import { app } from 'electron';"],
    ['electron/probe.ts', "import path from 'node:path';"],
  ])('allow in %s: %s', async (filePath, source) => {
    expect(await importErrors(filePath, source)).toBe(0);
  });
});
