import { runLocalConsumer } from '@inventario/events';

// Local process: long-polls the retirar-producto queue and runs the same handler as Lambda.
runLocalConsumer('retirar-producto');
