// The page's assets, built in memory at start-up: its TypeScript bundled by esbuild (with slack-markdown) into
// one ES module, its HTML and CSS read as they are. Nothing is fetched from elsewhere: the page works offline.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface PageAssets {
  html: string;
  js: string;
  css: string;
}

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));

export async function buildPageAssets(): Promise<PageAssets> {
  const [bundle, html, css] = await Promise.all([
    build({
      entryPoints: [`${PAGE_DIR}main.ts`],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      minify: true,
      sourcemap: 'inline',
      logLevel: 'silent',
    }),
    readFile(`${PAGE_DIR}index.html`, 'utf8'),
    readFile(`${PAGE_DIR}style.css`, 'utf8'),
  ]);
  const js = bundle.outputFiles[0]?.text;
  if (js === undefined) throw new Error('esbuild produced no page bundle');
  return { html, js, css };
}
