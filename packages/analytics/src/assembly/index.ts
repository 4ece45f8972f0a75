/**
 * Exact automatic test assembly (A3): `assemble` a teacher's blueprint (双向细目表 …) from a pool with
 * the HiGHS MIP solver, `swapItem` for one-click 换一题, `checkForms` to verify a paper, the general
 * ATA model (`buildAtaModel`) it all rests on, a greedy baseline, and `assembleInWorker` for servers.
 */
export * from './assemble.ts';
export * from './ata.ts';
export * from './blueprint.ts';
export * from './check.ts';
export * from './compile.ts';
export * from './explain.ts';
export * from './greedy.ts';
export * from './model.ts';
export * from './reduce.ts';
export * from './solve-ata.ts';
export * from './solver.ts';
export * from './swap.ts';
export * from './synthetic.ts';
export * from './worker.ts';
