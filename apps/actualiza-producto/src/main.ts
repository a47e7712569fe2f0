import { runLocalConsumer } from '@inventario/events';

// Local process: long-polls the actualiza-producto queue and runs the same handler as Lambda.
runLocalConsumer('actualiza-producto');
