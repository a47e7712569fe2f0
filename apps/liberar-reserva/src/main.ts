import { runLocalConsumer } from '@inventario/events';

// Local process: long-polls the liberar-reserva queue and runs the same handler as Lambda.
runLocalConsumer('liberar-reserva');
