import { backgroundApps, runLocalBackgroundApps } from '@inventario/events';
import { WORKERS_HOST } from '../system/apps';

// `npm start`'s one process for every background app: each consumer and the sweeper, as their own
// `apps/<name>/src/main.ts` would run them (see runLocalBackgroundApps for why one process).
runLocalBackgroundApps(WORKERS_HOST, backgroundApps());
