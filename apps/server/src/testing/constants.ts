export const TEMPLATE_DB = 'hanlin_template';
/** Small enough to seed in seconds, large enough for several districts, schools and classes. */
export const TEST_STUDENTS = 4000;
/** Test-only field key; real deployments generate theirs into the data dir or set HANLIN_FIELD_KEY. */
export const TEST_FIELD_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
