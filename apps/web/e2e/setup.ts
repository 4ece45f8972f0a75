import { afterEach } from 'vitest';
import { keepFailureEvidence } from './browser.ts';

// Runs before each journey file: a failing test leaves screenshots and traces, a passing one none.
afterEach(keepFailureEvidence);
