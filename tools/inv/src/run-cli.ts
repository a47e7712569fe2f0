import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CommandContext } from './commands/context';
import { ledger, location, product, products, reservation } from './commands/reads';
import { confirm, release, reserve, transfer } from './commands/reservation-steps';
import { replayList } from './commands/replay-list';
import { replayPeek } from './commands/replay-peek';
import { replayRun } from './commands/replay-run';
import { send } from './commands/send';
import { status } from './commands/status';
import type { GlobalOptions } from './config/global-options';
import { EXIT, GatewayError, InvError } from './errors';
import type { CliIo } from './io';
import { toJson } from './output/format';

type Action = (context: CommandContext, args: string[], options: Record<string, unknown>) => Promise<number>;

/**
 * Runs the CLI on `argv` (the words after `inv`) with the given IO, and resolves with the exit code.
 * Nothing here touches `process`: `cli.ts` passes the real one, tests their own.
 *
 * @example
 * ```ts
 * const code = await runCli(['replay', 'list', '--json'], io);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  let json = false;
  const run =
    (action: Action) =>
    async (...params: unknown[]): Promise<void> => {
      const command = params[params.length - 1] as Command;
      const options = command.optsWithGlobals<GlobalOptions & { output?: string; json?: boolean }>();
      json = options.json === true || options.output === 'json';
      const context = new CommandContext(io, options);
      try {
        code = await action(context, command.processedArgs as string[], command.opts());
      } finally {
        context.close();
      }
    };
  const program = buildProgram(io, run);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    const codigo = error instanceof InvError ? error.codigo : 'ERROR';
    const message = error instanceof Error ? error.message : String(error);
    io.err(`inv: ${error instanceof GatewayError ? `${error.status} ${codigo}: ` : ''}${message}\n`);
    if (json) io.out(toJson({ error: message, codigo, ...(error instanceof GatewayError && { status: error.status }) }));
    return EXIT.error;
  }
}

function buildProgram(io: CliIo, run: (action: Action) => (...params: unknown[]) => Promise<void>): Command {
  const program = new Command('inv')
    .description('Inventario from the command line: replay dead letters, send signed commands, read the inventory.')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .option('--url <url>', 'the gateway (default http://localhost:${PORT:-3000})')
    .option('--stage <stage>', 'a deployed stage: reach AWS with your credentials, queue names from the catalogue')
    .option('--region <region>', 'AWS region (default AWS_REGION, the local stack\'s, or us-east-1)')
    .option('--sqs-endpoint <url>', 'SQS endpoint (default AWS_ENDPOINT_URL_SQS, else the running npm start\'s)')
    .option('--state-file <path>', 'the state file of a running npm start (default <workspace>/.data/local-stack-<port>.json)')
    .option('--name-prefix <prefix>', 'what AWS queue names carry before the catalogue name (default inventario-<stage>-)')
    .addOption(new Option('-o, --output <format>', 'table for people, json for scripts').choices(['table', 'json']));

  const replay = program.command('replay').description('dead-letter queues: list, peek, move messages back');
  replay
    .command('list')
    .description('every consumer queue and its DLQ: visible, in flight, oldest age')
    .option('--json', 'JSON output')
    .action(run((context) => replayList(context)));
  replay
    .command('peek <service>')
    .description('the dead messages of a service, decoded; none removed')
    .option('--max <n>', 'read at most n messages', positiveInteger, 50)
    .option('--json', 'JSON output')
    .action(run((context, [service], options) => replayPeek(context, service ?? '', options as { max: number })));
  replay
    .command('run <service>')
    .description('move dead messages back to the service queue (send, then delete), 10 at a time')
    .option('--to <queue>', 'another queue (catalogue name or URL) to move them to')
    .option('--filter <expr>', 'tipo=, orden_id=, producto_id= (trailing * matches any ending), age>30m, age<2h; repeatable', collect, [])
    .option('--max <n>', 'move at most n messages', positiveInteger)
    .option('--rate <n>', 'move at most n messages per second', positiveNumber)
    .option('--dry-run', 'show what would move; move nothing')
    .option('--include-tampered', 'move messages whose signature fails or that were quarantined, too')
    .option('--native', 'AWS only: hand the whole queue to SQS StartMessageMoveTask (no filters)')
    .option('--visibility <seconds>', 'how long a batch in hand stays hidden from other readers', positiveInteger, 30)
    .option('--settle <seconds>', 'at the end, how long to wait for messages another reader hides (default visibility + 5)', nonNegativeInteger)
    .option('--json', 'JSON output')
    .action(run((context, [service], options) => replayRun(context, service ?? '', options as never)));

  program
    .command('send <route>')
    .description('sign a command (t=,v2= over method, path and body; --v1 or --legacy for the older forms) and post it; a step of a hold: reservas/<orden_id>/confirmar')
    .option('--json <body>', 'the body, exactly as sent and signed')
    .option('--orden-id <id>', 'body field orden_id')
    .option('--producto-id <id>', 'body field producto_id')
    .option('--cantidad <n>', 'body field cantidad')
    .option('--nombre <text>', 'body field nombre')
    .option('--precio <n>', 'body field precio')
    .option('--estado <bool>', 'body field estado (true or false)')
    .option('--ubicacion-id <id>', 'body field ubicacion_id: the location of the line (default CENTRAL)')
    .option('--desde <id>', 'body field desde: the location a transfer takes the units from')
    .option('--hacia <id>', 'body field hacia: the location a transfer puts them at')
    .option('--expira-en-s <seconds>', 'body field expira_en_s of a hold (60 to 86400, default 900)')
    .option('--idempotency-key <key>', 'Idempotency-Key header, for a body without orden_id')
    .option('--v1', 'sign in the body-only timestamped form (t=<unix>,v1=<hex>)')
    .option('--legacy', 'sign in the legacy form (HMAC of the body alone, no timestamp)')
    .option('--wait', 'follow estado_url until the outcome is final')
    .option('--timeout <seconds>', 'how long --wait waits', positiveInteger, 30)
    .action(run((context, [route], options) => send(context, route ?? '', options as never)));
  reservationCommands(program, run);
  program
    .command('status <orden_id>')
    .description("a command's outcome")
    .option('--route <route>', 'ask this route only')
    .option('--json', 'JSON output')
    .action(run((context, [ordenId], options) => status(context, ordenId ?? '', options as { route?: string })));
  program
    .command('products')
    .description('the inventory, one page')
    .option('--limit <n>', 'products per page (1 to 1000)', positiveInteger)
    .option('--cursor <cursor>', 'the page after this cursor')
    .option('--solo-activos', 'active products only')
    .option('--json', 'JSON output')
    .action(run((context, _args, options) => products(context, options)));
  program
    .command('product <producto_id>')
    .description('one product')
    .option('--json', 'JSON output')
    .action(run((context, [productoId]) => product(context, productoId ?? '')));
  program
    .command('location <ubicacion_id>')
    .description('the products kept at a location, one page: stock, held, available')
    .option('--limit <n>', 'products per page (1 to 1000)', positiveInteger)
    .option('--cursor <cursor>', 'the page after this cursor')
    .option('--json', 'JSON output')
    .action(run((context, [ubicacionId], options) => location(context, ubicacionId ?? '', options)));
  program
    .command('reservation <orden_id>')
    .description('a hold and its lines (or its command, before the hold exists or when refused)')
    .option('--json', 'JSON output')
    .action(run((context, [ordenId]) => reservation(context, ordenId ?? '')));
  program
    .command('ledger <producto_id>')
    .description("a product's stock ledger, newest first")
    .option('--limit <n>', 'entries per page (1 to 1000)', positiveInteger)
    .option('--cursor <cursor>', 'the page after this cursor')
    .option('--json', 'JSON output')
    .action(run((context, [productoId], options) => ledger(context, productoId ?? '', options)));
  return program;
}

/** The shortcuts over `send` for holds and transfers. */
function reservationCommands(program: Command, run: (action: Action) => (...params: unknown[]) => Promise<void>): void {
  const waiting = (command: Command): Command =>
    command
      .option('--wait', 'follow estado_url until the outcome is final')
      .option('--timeout <seconds>', 'how long --wait waits', positiveInteger, 30)
      .option('--json', 'JSON output');
  waiting(
    program
      .command('reserve <producto_id> <cantidad>')
      .description('hold units of a product (send /reservas); the 202 names the hold to confirm or release')
      .option('--ubicacion-id <id>', 'where to hold them (default CENTRAL)')
      .option('--expira-en-s <seconds>', 'how long the hold lasts (60 to 86400, default 900)')
      .option('--orden-id <id>', "the hold's id (default: one made from the signature)"),
  ).action(run((context, [productoId, cantidad], options) => reserve(context, productoId ?? '', cantidad ?? '', options as never)));
  waiting(program.command('confirm <orden_id>').description('turn a hold into a sale (send /reservas/<orden_id>/confirmar)')).action(
    run((context, [ordenId], options) => confirm(context, ordenId ?? '', options as never)),
  );
  waiting(program.command('release <orden_id>').description('give the units of a hold back (send /reservas/<orden_id>/liberar)')).action(
    run((context, [ordenId], options) => release(context, ordenId ?? '', options as never)),
  );
  waiting(
    program
      .command('transfer <producto_id> <cantidad>')
      .description('move units between locations (send /transferir-stock)')
      .requiredOption('--desde <id>', 'the location the units leave')
      .requiredOption('--hacia <id>', 'the location they arrive at')
      .option('--orden-id <id>', "the transfer's id (default: one made from the signature)"),
  ).action(run((context, [productoId, cantidad], options) => transfer(context, productoId ?? '', cantidad ?? '', options as never)));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('a whole number, 1 or more');
  return value;
}

function nonNegativeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError('a whole number, 0 or more');
  return value;
}

function positiveNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('a number above 0');
  return value;
}
