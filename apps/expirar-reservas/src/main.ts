import { runLocalSweeper } from '@inventario/events';

// Local process: sweeps every SWEEPER_INTERVAL_MS with the same sweep the Lambda runs.
runLocalSweeper('expirar-reservas');
