// The window's code under jsdom: IndexedDB from fake-indexeddb (a fresh factory per test file, as
// each file runs in its own environment), and each rendered tree unmounted after its test.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
