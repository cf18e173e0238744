// Builds dist/ from src/ with ncc, keeping `undici` out of the code every run evaluates.
//
// Why: @actions/core imports its OIDC helper (and through it @actions/http-client and undici)
// at its top, though we never ask for an OIDC token. Evaluating undici more than doubles the
// action's start-up (see ../shared/performance.md and `npm run bench`). ncc's bundler (webpack)
// drops modules whose exports go unused when their package declares `"sideEffects": false`;
// the toolkit packages are free of import-time side effects but do not declare it, so we
// declare it for them in node_modules before every build. The check at the end fails the
// build if undici ever creeps back into the entry chunk.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const SIDE_EFFECT_FREE = ['@actions/core', '@actions/http-client']

for (const name of SIDE_EFFECT_FREE) {
  const file = join('node_modules', name, 'package.json')
  const manifest = JSON.parse(readFileSync(file, 'utf8'))
  if (manifest.sideEffects !== false) {
    manifest.sideEffects = false
    writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n')
  }
}

// Chunk names follow the code: start clean so no stale chunk is left to commit.
rmSync('dist', { recursive: true, force: true })
execFileSync(
  process.execPath,
  [
    'node_modules/@vercel/ncc/dist/ncc/cli.js',
    'build',
    'src/index.ts',
    '-o',
    'dist',
    '--license',
    'licenses.txt',
    '-q'
  ],
  { stdio: 'inherit' }
)

const entry = readFileSync('dist/index.js', 'utf8')
if (/\bundici\b/.test(entry)) {
  console.error('dist/index.js contains undici: the fire path would evaluate it at start-up.')
  process.exit(1)
}
const files = readdirSync('dist').filter(f => f.endsWith('.js'))
console.log(`dist/: ${files.join(', ')}`)
