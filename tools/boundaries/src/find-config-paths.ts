import ts from 'typescript';

const ROOT_DIR = '<rootDir>';

/**
 * The `<rootDir>/...` paths a Jest configuration names (`globalSetup`, `setupFiles`, ...), read with the
 * TypeScript parser, with `<rootDir>` left in: Jest takes these as paths, not imports, so they are what
 * would otherwise use another project without the graph knowing.
 *
 * @example
 * findConfigPaths('jest.config.cjs', "module.exports = { globalSetup: '<rootDir>/../x/setup.ts' };");
 * // ['<rootDir>/../x/setup.ts']
 */
export function findConfigPaths(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.startsWith(ROOT_DIR)) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...new Set(found)];
}

/** A `<rootDir>/...` path made relative to the workspace root, for a config whose folder is `configDir`. */
export function expandRootDir(configPath: string, configDir: string): string {
  return configDir + configPath.slice(ROOT_DIR.length);
}
