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

// One log path (src/core/log.ts): the toolkit's printing functions are called by the module that
// builds the action's writer alone, so no text reaches the log without being redacted and made one line.
const PRINTERS = ['info', 'notice', 'warning', 'error', 'debug', 'setFailed']
const LOG_WRITER = 'src/action/log-sinks.ts'
const PRINT_MESSAGE =
  'Print through the log writer (src/core/log.ts, built in src/action/log-sinks.ts): it redacts and makes the text one line.'
const PRINTER_CALL = `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${PRINTERS.join('|')})$/]`
const printRules = {
  files: ['src/**/*.ts'],
  ignores: [LOG_WRITER],
  rules: {
    'no-console': ['error'],
    'no-restricted-syntax': [
      'error',
      // core.info(…), runtime.core.warning(…), this.core.setFailed(…)
      { selector: `${PRINTER_CALL}[callee.object.name='core']`, message: PRINT_MESSAGE },
      { selector: `${PRINTER_CALL}[callee.object.property.name='core']`, message: PRINT_MESSAGE }
    ]
  }
}

function importRules(part) {
  const { parts, packages } = FORBIDDEN[part]
  const toolkitPrinters = TOOLKIT.some(name => packages.includes(name))
    ? []
    : [
        {
          name: '@actions/core',
          importNames: PRINTERS,
          message: `Only ${LOG_WRITER} imports the toolkit's printing functions. ${PRINT_MESSAGE}`
        }
      ]
  const patterns = parts.map(other => ({
    // A relative import that climbs out of this part and into `other`.
    regex: `^(\\.\\./)+${other}/`,
    message: `src/${part}/ must not import src/${other}/ (see the import rules in design.md).`
  }))
  return {
    files: [`src/${part}/**/*.ts`],
    ignores: [LOG_WRITER],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...packages.map(name => ({
              name,
              message: `src/${part}/ must not import ${name}: only the GitHub front end speaks the toolkit.`
            })),
            ...toolkitPrinters
          ],
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
  // The log writer keeps the import rules of its part, minus the printing functions.
  {
    files: [LOG_WRITER],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [], patterns: importRules('action').rules['no-restricted-imports'][1].patterns }
      ]
    }
  },
  printRules,
  prettier
)
