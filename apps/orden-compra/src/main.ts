import { runLocalConsumer } from '@inventario/events';

// Local process: long-polls the orden-compra queue and runs the same handler as Lambda.
runLocalConsumer('orden-compra');
