import { SYSTEM } from './constants';

/** Physical name of a resource on a stage: `inventario-<stage>-<base>`. */
export function physicalName(stage: string, base: string): string {
  return `${SYSTEM}-${stage}-${base}`;
}

/** SST app name of a service: each service is its own app, with its own state. */
export function sstAppName(service: string): string {
  return `${SYSTEM}-${service}`;
}

/** The service an SST app name stands for (the inverse of `sstAppName`). */
export function serviceOfApp(appName: string): string {
  const prefix = `${SYSTEM}-`;
  if (!appName.startsWith(prefix)) throw new Error(`App "${appName}" is not one of ${SYSTEM}'s`);
  return appName.slice(prefix.length);
}

/** `orden-compra` -> `OrdenCompra`: component names in SST are PascalCase. */
export function pascalCase(value: string): string {
  return value
    .split(/[-_]/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
