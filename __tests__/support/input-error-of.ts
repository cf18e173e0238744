import { expect } from '@jest/globals'
import { InputError } from '../../src/errors.js'

/** Runs `action`, expects it to throw an InputError, and returns that error for closer checks. */
export function inputErrorOf(action: () => unknown): InputError {
  try {
    action()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError, but nothing was thrown')
}
