// What the figures depend on besides the code: the machine, Node, and the size of the bundle.
import { readdirSync, statSync } from 'node:fs'
import { cpus, loadavg, release } from 'node:os'
import { join, relative } from 'node:path'

/**
 * Every .js file under `dir` with its size, largest first, and their total.
 * @param {string} dir
 */
export function bundleSizes(dir) {
  /** @type {{ file: string, bytes: number }[]} */
  const files = []
  const walk = (/** @type {string} */ current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.js'))
        files.push({ file: relative(dir, path), bytes: statSync(path).size })
    }
  }
  walk(dir)
  files.sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file))
  return { files, totalBytes: files.reduce((sum, { bytes }) => sum + bytes, 0) }
}

/** Node, CPU and the load when the bench started (a busy machine inflates every figure). */
export function machine() {
  const processors = cpus()
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch} (${release()})`,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    loadAverage: loadavg().map(load => Math.round(load * 100) / 100)
  }
}
