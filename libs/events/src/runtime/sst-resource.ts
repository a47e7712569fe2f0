/**
 * SST's `Resource` object when this process runs with SST links (a deployed function, or `sst shell`),
 * else undefined. SST marks an active link set with `SST_RESOURCE_App` or the encrypted `SST_KEY_FILE`;
 * only then is `sst/resource` loaded, so local processes and tests never need it.
 */
export function sstResource(env: NodeJS.ProcessEnv): Record<string, unknown> | undefined {
  if (!env.SST_RESOURCE_App && !env.SST_KEY_FILE) return undefined;
  // Loaded on demand (a require, not an import) so nothing reads links where none are active.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Resource } = require('sst/resource') as { Resource: Record<string, unknown> };
  return { ...Resource };
}
