import { serviceOfApp } from '../plan/naming';
import { planInfrastructure } from '../plan/plan-infrastructure';
import { deployConsumer } from './consumer';
import { deployGateway } from './gateway';
import { deployPlatform } from './platform';
import { deployQuery } from './query';
import { deploySweeper } from './sweeper';

/**
 * Builds the SST app `sst.config.ts` runs: the platform, or one service, chosen by the app's name
 * (`inventario-<service>`). Each is its own SST app with its own state, so deploying, updating or
 * rolling back one never touches another's resources.
 *
 * @example
 * // sst.config.ts, run(): INVENTARIO_SERVICE=gateway sst deploy --stage production
 * return deployService($app.name, $app.stage);
 */
export function deployService(appName: string, stage: string): Record<string, $util.Output<string>> {
  const plan = planInfrastructure(stage);
  const service = serviceOfApp(appName);
  if (service === 'platform') return deployPlatform(plan);
  if (service === 'consultar-inventario') return deployQuery(plan);
  if (service === plan.sweeper.service) return deploySweeper(plan);
  const signatureSecret = new sst.Secret(plan.signatureSecret);
  if (service === 'gateway') return deployGateway(plan, signatureSecret);
  const consumer = plan.consumers.find((candidate) => candidate.service === service);
  if (!consumer) throw new Error(`Unknown service "${service}": expected platform, gateway, consultar-inventario, ${plan.sweeper.service} or a consumer of the catalogue`);
  return deployConsumer(plan, consumer, signatureSecret);
}

