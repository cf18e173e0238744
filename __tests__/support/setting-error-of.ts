import { expect } from '@jest/globals'
import { SettingError } from '../../src/harness/setting-error.js'

/** Runs `action`, expects it to throw a SettingError, and returns that error for closer checks. */
export function settingErrorOf(action: () => unknown): SettingError {
  try {
    action()
  } catch (error) {
    expect(error).toBeInstanceOf(SettingError)
    return error as SettingError
  }
  throw new Error('expected a SettingError, but nothing was thrown')
}
