import { runLocalConsumer } from '@inventario/events';

// Local process: long-polls the confirmar-reserva queue and runs the same handler as Lambda.
runLocalConsumer('confirmar-reserva');
