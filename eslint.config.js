import tseslint from 'typescript-eslint'
import jestPlugin from 'eslint-plugin-jest'
import prettier from 'eslint-config-prettier'

// The six parts of src/ and who may import whom (../shared/design.md): each folder is one part.
const FOLDERS = ['action', 'cli', 'core', 'harness', 'report', 'github']
const TOOLKIT = ['@actions/core', '@actions/github']
/** Part → the parts (folders of src/) and packages it must not import. */
const FORBIDDEN = {
  action: { parts: ['cli'], packages: [] },
  cli: { parts: ['action', 'github'], packages: TOOLKIT },
  core: { parts: ['action', 'cli', 'report', 'github'], packages: TOOLKIT },
  harness: { parts: ['action', 'cli', 'core', 'report', 'github'], packages: TOOLKIT },
  report: { parts: ['action', 'cli', 'github'], packages: TOOLKIT },
  github: { parts: ['action', 'cli'], packages: [] }
}

function importRules(part) {
  const { parts, packages } = FORBIDDEN[part]
  const patterns = parts.map(other => ({
    // A relative import that climbs out of this part and into `other`.
    regex: `^(\\.\\./)+${other}/`,
    message: `src/${part}/ must not import src/${other}/ (see the import rules in design.md).`
  }))
  return {
    files: [`src/${part}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: packages.map(name => ({
            name,
            message: `src/${part}/ must not import ${name}: only the GitHub front end speaks the toolkit.`
          })),
          patterns
        }
      ]
    }
  }
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'lib/'] },
  ...tseslint.configs.recommended,
  {
    files: ['__tests__/**/*.ts'],
    ...jestPlugin.configs['flat/recommended']
  },
  {
    files: ['emulator/**/*.js', 'scripts/**/*.js', 'scripts/**/*.mjs', '*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly'
      }
    }
  },
  ...FOLDERS.map(importRules),
  prettier
)
