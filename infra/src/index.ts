/**
 * `@inventario/infra`: the AWS description of the system, derived from the catalogue. `planInfrastructure`
 * is a plain object `sst.config.ts` builds from (and the tests hold); `src/sst/` turns it into SST
 * components and is loaded only by `sst.config.ts`.
 */
export * from './plan/constants';
export * from './plan/key-policy';
export * from './plan/naming';
export * from './plan/plan-infrastructure';
export * from './plan/queue-policy';
export * from './plan/services';
export * from './plan/stage-limits';
export * from './plan/table-access';
export * from './plan/topic-policy';
export type * from './plan/types';
