/**
 * Answer saves are group-committed (platform/db/group-commit.ts): when a class or a district's 统考
 * answers at once, saves that arrive while others are being written go together, in one
 * transaction and one statement (answer-saves.repository.ts). Saved one by one, 900 saves/s were
 * the limit of a two-core server. A save is acknowledged only once committed.
 *
 * What each student's row-level-security scope would check, the statement checks for each save:
 * its attempt must be the one of the student whose request it is (the signed-in actor, never a
 * value of the request). The service has already matched the attempt to the actor (`ownAttempt`).
 */
import { GroupCommit, perDatabase } from '../../platform/db/group-commit.ts';
import { saveResponses } from './answer-saves.repository.ts';
import type { SaveOutcome, SaveParams } from './attempts.repository.ts';

/** The app's writer of answer saves. */
export const answerSaves = perDatabase(
  (database) => new GroupCommit<SaveParams, SaveOutcome>(database, 'answer-saves', saveResponses),
);
