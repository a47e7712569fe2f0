import { runLocalConsumer } from '@inventario/events';

// Local process: long-polls the crear-reserva queue and runs the same handler as Lambda.
runLocalConsumer('crear-reserva');
