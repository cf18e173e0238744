import { afterEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// scripts/check-licenses.mjs as .ci/run and CI run it, on the repository and on small made-up trees.

const SCRIPT = join(process.cwd(), 'scripts', 'check-licenses.mjs')
const roots: string[] = []

interface FakePackage {
  name: string
  /** the package.json's `license`; undefined writes none */
  license?: string
  dev?: boolean
  /** an optional dependency this platform did not install */
  notInstalled?: boolean
}

/** A project root with a lockfile and the installed package.json of each package. */
function tree(packages: FakePackage[]): string {
  const root = mkdtempSync(join(tmpdir(), 'check-licenses-'))
  roots.push(root)
  const lockPackages: Record<string, object> = { '': { name: 'fixture', version: '1.0.0' } }
  for (const pkg of packages) {
    const path = `node_modules/${pkg.name}`
    lockPackages[path] = {
      version: '1.0.0',
      ...(pkg.dev ? { dev: true } : {}),
      ...(pkg.notInstalled ? { optional: true } : {})
    }
    if (pkg.notInstalled) continue
    mkdirSync(join(root, path), { recursive: true })
    const manifest = { name: pkg.name, version: '1.0.0', license: pkg.license }
    writeFileSync(join(root, path, 'package.json'), JSON.stringify(manifest))
  }
  const lock = { name: 'fixture', lockfileVersion: 3, packages: lockPackages }
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify(lock))
  return root
}

function check(root?: string) {
  const args = root ? [SCRIPT, '--root', root] : [SCRIPT]
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

describe('scripts/check-licenses.mjs', () => {
  it("passes on this repository's production dependencies", () => {
    const run = check()
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^\d+ production packages: .*MIT \d+/)
  })

  it('fails on a production package under a licence outside the allow-list, naming it', () => {
    const run = check(
      tree([
        { name: 'fine', license: 'MIT' },
        { name: '@scope/copyleft', license: 'GPL-3.0-only' }
      ])
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('2 production packages: MIT 1, GPL-3.0-only 1')
    expect(run.stderr).toContain('- @scope/copyleft@1.0.0: GPL-3.0-only is not on the allow-list')
    expect(run.stderr).not.toContain('fine@')
  })

  it('ignores dev dependencies and optional packages this platform did not install', () => {
    const run = check(
      tree([
        { name: 'tool', license: 'GPL-3.0-only', dev: true },
        { name: 'native-linux', notInstalled: true },
        { name: 'runtime', license: 'ISC' }
      ])
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('1 production packages: ISC 1')
  })

  it('reads SPDX expressions: one allowed side of OR is enough, AND needs both', () => {
    const passing = check(
      tree([
        { name: 'dual', license: '(MIT OR GPL-3.0-or-later)' },
        { name: 'both', license: 'MIT AND (BSD-3-Clause OR Apache-2.0)' }
      ])
    )
    expect(passing.stderr).toBe('')
    expect(passing.code).toBe(0)

    const failing = check(
      tree([
        { name: 'and', license: 'MIT AND LGPL-2.1-only' },
        { name: 'with', license: 'Apache-2.0 WITH LLVM-exception' },
        { name: 'broken', license: 'MIT OR' },
        { name: 'none' }
      ])
    )
    expect(failing.code).toBe(1)
    expect(failing.stderr).toContain('- and@1.0.0: MIT AND LGPL-2.1-only is not on the allow-list')
    expect(failing.stderr).toContain('- with@1.0.0: Apache-2.0 WITH LLVM-exception is not on')
    expect(failing.stderr).toContain('- broken@1.0.0: not an SPDX expression: "MIT OR"')
    expect(failing.stderr).toContain('- none@1.0.0: declares no licence')
  })
})
