// npm run check-licenses: every package that can end up in dist/ (the production dependency tree)
// must carry a licence from the allow-list below; anything else fails with the package's name.
//
// The tree comes from package-lock.json (entries not marked dev), the licence from each installed
// package.json, as the bundler reads it. SPDX expressions are understood: "(MIT OR GPL-3.0)" passes
// because one side is allowed, "MIT AND GPL-3.0" fails because both sides apply.
//
//   node scripts/check-licenses.mjs [--root DIR]   (default: the repository)
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

/** Permissive licences whose terms a bundled dist/ meets by keeping the notices. */
export const ALLOWED_LICENSES = Object.freeze([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'ISC',
  'MIT',
  'Unlicense'
])

/**
 * Whether an SPDX expression is satisfied by the allowed identifiers: OR needs one allowed side,
 * AND needs both, `X WITH exception` is never allowed (the exception is not on the list).
 * Throws on text that is not an SPDX expression.
 */
export function isAllowedExpression(expression, allowed = ALLOWED_LICENSES) {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? []
  let at = 0
  const peek = () => tokens[at]
  const fail = () => {
    throw new Error(`not an SPDX expression: ${JSON.stringify(expression)}`)
  }
  // or := and ("OR" and)* ; and := term ("AND" term)* ; term := "(" or ")" | id ["WITH" id]
  const term = () => {
    const token = tokens[at++]
    if (token === '(') {
      const inner = or()
      if (tokens[at++] !== ')') fail()
      return inner
    }
    if (token === undefined || token === ')' || /^(AND|OR|WITH)$/i.test(token)) fail()
    if (peek()?.toUpperCase() === 'WITH') {
      at += 2
      if (tokens[at - 1] === undefined) fail()
      return false
    }
    return allowed.includes(token.replace(/\+$/, ''))
  }
  const and = () => {
    let value = term()
    while (peek()?.toUpperCase() === 'AND') {
      at++
      value = term() && value
    }
    return value
  }
  const or = () => {
    let value = and()
    while (peek()?.toUpperCase() === 'OR') {
      at++
      value = and() || value
    }
    return value
  }
  const value = or()
  if (at !== tokens.length) fail()
  return value
}

/** The licence a package.json declares: `license`, or the old `licenses: [{ type }]` form. */
function declaredLicense(manifest) {
  if (typeof manifest.license === 'string') return manifest.license
  if (manifest.license && typeof manifest.license.type === 'string') return manifest.license.type
  if (Array.isArray(manifest.licenses) && manifest.licenses.length > 0) {
    const types = manifest.licenses.map(entry => entry?.type ?? entry)
    return types.every(type => typeof type === 'string') ? `(${types.join(' OR ')})` : undefined
  }
  return undefined
}

/**
 * The production packages of the lockfile at `root`, each with its declared licence.
 * Optional packages not installed on this platform are skipped; any other missing one is a problem.
 */
export function productionPackages(root) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
  if (!lock.packages) throw new Error('package-lock.json has no "packages" (lockfileVersion 2+)')
  const found = []
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.link) continue
    const manifestPath = join(root, path, 'package.json')
    const name =
      entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
    if (!existsSync(manifestPath)) {
      if (entry.optional || entry.devOptional) continue
      found.push({ name, version: entry.version, path, license: undefined, missing: true })
      continue
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    found.push({ name, version: manifest.version, path, license: declaredLicense(manifest) })
  }
  return found
}

/** The packages whose licence is missing, unreadable or outside the allow-list, with why. */
export function licenseProblems(packages, allowed = ALLOWED_LICENSES) {
  const problems = []
  for (const pkg of packages) {
    const id = `${pkg.name}@${pkg.version ?? '?'}`
    if (pkg.missing) {
      problems.push(`${id}: not installed at ${pkg.path} (run npm ci first)`)
    } else if (!pkg.license) {
      problems.push(`${id}: declares no licence`)
    } else {
      let ok = false
      try {
        ok = isAllowedExpression(pkg.license, allowed)
      } catch (error) {
        problems.push(`${id}: ${error.message}`)
        continue
      }
      if (!ok) problems.push(`${id}: ${pkg.license} is not on the allow-list`)
    }
  }
  return problems
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { root: { type: 'string' } } })
  const root = resolve(values.root ?? fileURLToPath(new URL('..', import.meta.url)))
  const packages = productionPackages(root)
  const problems = licenseProblems(packages)
  const byLicense = new Map()
  for (const pkg of packages) {
    const license = pkg.license ?? '(none)'
    byLicense.set(license, (byLicense.get(license) ?? 0) + 1)
  }
  const tally = [...byLicense].map(([license, count]) => `${license} ${count}`).join(', ')
  console.log(`${packages.length} production packages: ${tally || 'none'}`)
  if (problems.length > 0) {
    console.error(`Licences outside the allow-list (${ALLOWED_LICENSES.join(', ')}):`)
    for (const problem of problems) console.error(`- ${problem}`)
    process.exit(1)
  }
  console.log('Every production licence is on the allow-list.')
}
