#!/usr/bin/env node
// @ts-check
'use strict';

/*
 * `npm start`: runs `tools/local-stack/src/start.ts` from a bundle in `dist/local-stack`, built by esbuild
 * when missing or older than one of the files it was built from (esbuild's metafile lists them).
 * Compiling the entry point and its libraries with tsx on every start cost about half a second of CPU
 * before DynamoDB Local could even be spawned, on a machine whose two cores the JVM's start then needs:
 * 0.76-0.96 s to the first line with tsx, 0.31-0.37 s from the bundle. Plain CommonJS so that plain
 * `node` runs it; the bundle is written under a temporary name and renamed, so two starts at once never
 * read half a file.
 */

const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = join(__dirname, '..', '..', '..');
// Another folder for the bundle: a test of this launcher uses its own, apart from every other start.
const outDir = process.env.INVENTARIO_START_BUNDLE_DIR ? resolve(process.env.INVENTARIO_START_BUNDLE_DIR) : join(root, 'dist', 'local-stack');
const bundle = join(outDir, 'start.js');
const inputsFile = join(outDir, 'start.inputs.json');
/**
 * Not in the metafile, but they change what the bundle is: the path aliases, the packages' versions, the
 * build options and each lib's manifest (its `sideEffects: false` lets esbuild leave out the
 * modules `start.ts` does not use, zod and most of the SDK clients among them).
 */
function alwaysInputs() {
  const libs = readdirSync(join(root, 'libs')).map((lib) => join('libs', lib, 'package.json'));
  return ['tsconfig.base.json', 'package-lock.json', 'tools/local-stack/bin/start.cjs', 'tools/local-stack/bin/bundle-options.cjs', ...libs];
}

/** @returns {boolean} whether the bundle exists and is newer than every file it was built from */
function isFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    /** @type {string[]} */
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return [...inputs, ...alwaysInputs()].every((file) => statSync(join(root, file)).mtimeMs < built);
  } catch {
    return false;
  }
}

function build() {
  const { buildSync } = require('esbuild');
  const { LOCAL_BUNDLE_OPTIONS } = require('./bundle-options.cjs');
  const result = buildSync({
    ...LOCAL_BUNDLE_OPTIONS,
    absWorkingDir: root,
    entryPoints: ['tools/local-stack/src/start.ts'],
    outfile: bundle,
    metafile: true,
    write: false,
  });
  mkdirSync(outDir, { recursive: true });
  const suffix = `.${process.pid}.tmp`;
  writeFileSync(inputsFile + suffix, JSON.stringify(Object.keys(result.metafile.inputs)));
  for (const file of result.outputFiles) writeFileSync(file.path + suffix, file.contents);
  // The inputs first: a bundle is only ever next to the list of the files it was built from.
  renameSync(inputsFile + suffix, inputsFile);
  for (const file of result.outputFiles) renameSync(file.path + suffix, file.path);
}

if (!isFresh()) build();
require(bundle);
