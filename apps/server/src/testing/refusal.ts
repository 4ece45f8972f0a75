import { expect } from 'vitest';
import { AppError } from '../platform/errors/app-error.ts';

/** The AppError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}
