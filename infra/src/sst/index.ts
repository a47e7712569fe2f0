/** The SST program of every app; loaded by `sst.config.ts` inside `run()`, where SST's globals exist. */
export { deployService } from './deploy-service';
