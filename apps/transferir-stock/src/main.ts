import { runLocalConsumer } from '@inventario/events';

// Local process: long-polls the transferir-stock queue and runs the same handler as Lambda.
runLocalConsumer('transferir-stock');
