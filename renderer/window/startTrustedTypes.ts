// Imported first by main.tsx, so the Trusted Types policy exists before any module starts a worker.
import { installTrustedTypesPolicy } from '../threads/trustedTypes';

installTrustedTypesPolicy(window);
