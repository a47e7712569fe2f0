import { runLocalConsumer } from '@inventario/events';

// Local process: long-polls the movimiento-inventario queue and runs the same handler as Lambda.
runLocalConsumer('movimiento-inventario');
