import { FUNCTION_MEMORY_MB } from './constants';
import { pascalCase } from './naming';
import type { FunctionPlan } from './types';

/**
 * A function whose code is the app's Nx build output (`dist/apps/<app>`), deployed as built and tested:
 * Node 24 on arm64.
 */
export function functionPlan(app: string, file: 'handler' | 'lambda', timeoutSeconds: number, id = `${pascalCase(app)}Function`): FunctionPlan {
  return {
    id,
    app,
    bundle: `dist/apps/${app}`,
    handler: `${file}.handler`,
    runtime: 'nodejs24.x',
    architecture: 'arm64',
    timeoutSeconds,
    memoryMb: FUNCTION_MEMORY_MB,
  };
}
