// Builds dist/ from src/ with ncc, one bundle per entry, keeping `undici` out of the code every
// run evaluates.
//
// Why: @actions/core imports its OIDC helper (and through it @actions/http-client and undici)
// at its top, though we never ask for an OIDC token. Evaluating undici more than doubles the
// action's start-up (see ../shared/performance.md and `npm run bench`). ncc's bundler (webpack)
// drops modules whose exports go unused when their package declares `"sideEffects": false`;
// the toolkit packages are free of import-time side effects but do not declare it, so we
// declare it for them in node_modules before every build. The check at the end fails the
// build if undici ever creeps back into an entry.
//
// Entries: dist/index.js (the action's main step), dist/post.js (its post step: its own bundle,
// so it cannot fire the trigger whatever state main left). Each entry is built alone (the others
// into a scratch folder, then copied in).
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const SIDE_EFFECT_FREE = ['@actions/core', '@actions/http-client']
const ENTRIES = [
  { source: 'src/action/index.ts', name: 'index' },
  { source: 'src/action/post-index.ts', name: 'post' }
]

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
for (const entry of ENTRIES) {
  if (existsSync(entry.source)) build(entry)
}
const files = readdirSync('dist').filter(f => f.endsWith('.js'))
console.log(`dist/: ${files.join(', ')}`)

function build({ source, name }) {
  const scratch = name === 'index' ? 'dist' : mkdtempSync(join(tmpdir(), 'harness-bundle-'))
  try {
    execFileSync(
      process.execPath,
      [
        'node_modules/@vercel/ncc/dist/ncc/cli.js',
        'build',
        source,
        '-o',
        scratch,
        '--license',
        'licenses.txt',
        '-q'
      ],
      { stdio: 'inherit' }
    )
    const entryCode = readFileSync(join(scratch, 'index.js'), 'utf8')
    if (/\bundici\b/.test(entryCode)) {
      console.error(`dist/${name}.js contains undici: start-up would evaluate it.`)
      process.exit(1)
    }
    moveInto('dist', scratch, name)
  } finally {
    if (scratch !== 'dist') rmSync(scratch, { recursive: true, force: true })
  }
}

/** Moves one build into dist/: index.js becomes NAME.js beside the main entry's files. */
function moveInto(dist, scratch, name) {
  if (scratch === dist) return
  const chunks = readdirSync(scratch).filter(file => /^\d+\.index\.js$/.test(file))
  if (chunks.length > 0) {
    // ncc names every entry's chunks N.index.js; two entries' chunks would collide in dist/.
    console.error(
      `${name}: lazy chunks (${chunks.join(', ')}) are only supported for dist/index.js.`
    )
    process.exit(1)
  }
  copyFileSync(join(scratch, 'index.js'), join(dist, `${name}.js`))
  const licenses = readFileSync(join(scratch, 'licenses.txt'), 'utf8')
  if (licenses !== readFileSync(join(dist, 'licenses.txt'), 'utf8')) {
    writeFileSync(join(dist, `licenses.${name}.txt`), licenses)
  }
}
