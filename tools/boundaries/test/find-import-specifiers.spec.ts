import { findConfigPaths, findImportSpecifiers } from '../src';

describe('findImportSpecifiers', () => {
  it('finds every form of import a TypeScript file can use', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '@x/b';",
      "export { c } from '../c';",
      "export * from './d';",
      "import e = require('e');",
      "const f = require('f');",
      "const g = require.resolve('g/setup');",
      "async function h() { return import('./h'); }",
      "type I = typeof import('./i');",
    ].join('\n');
    expect(findImportSpecifiers('file.ts', text)).toEqual(['./a', '@x/b', '../c', './d', 'e', 'f', 'g/setup', './h', './i']);
  });

  it('reads CommonJS configuration files too', () => {
    expect(findImportSpecifiers('jest.config.cjs', "const preset = require('../../jest.preset.cjs');")).toEqual(['../../jest.preset.cjs']);
  });

  it('takes no string for an import unless a module is loaded by it', () => {
    const text = "const path = './not-an-import'; log('require'); other('./x');";
    expect(findImportSpecifiers('file.ts', text)).toEqual([]);
  });
});

describe('findConfigPaths', () => {
  it('finds the <rootDir> paths of a Jest configuration', () => {
    const text = "module.exports = { preset: '../../jest.preset.cjs', globalSetup: '<rootDir>/../../tools/stack/setup.ts' };";
    expect(findConfigPaths('jest.config.cjs', text)).toEqual(['<rootDir>/../../tools/stack/setup.ts']);
  });
});
