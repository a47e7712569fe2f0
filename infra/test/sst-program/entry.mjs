// The mock run's program: mocks first, then the SST config, then its run() as SST's CLI calls it.
import { recorded } from './mocks.mjs';
import './globals.mjs';
import config from '../../../sst.config.ts';
import * as pulumi from '@pulumi/pulumi';

const outputs = await config.run();
const resolved = await new Promise((resolve) => pulumi.all(outputs ?? {}).apply(resolve));
// Resources keep registering while outputs resolve; wait until none has arrived for a while.
let seen = -1;
while (seen !== recorded.resources.length) {
  seen = recorded.resources.length;
  await new Promise((resolve) => setTimeout(resolve, 300));
}
process.stdout.write(JSON.stringify({ outputs: resolved, ...recorded }));
process.exit(0);
