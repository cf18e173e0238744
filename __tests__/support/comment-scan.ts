/**
 * The secret scan for pull request comments, which `runAction` cannot see: they live in the
 * emulator. Every version counts (each POST and PATCH the action sent), not only the last one a
 * later update may have cleaned.
 */
import { assertNoSecrets, secretsOfInputs, type Emulator } from '../helpers/index.js'

/** The body of every comment write (POST or PATCH) that reached the emulator, in order. */
export function commentWritesOf(emulator: Emulator): string[] {
  return emulator
    .requestsTo('github')
    .filter(request => request.method === 'POST' || request.method === 'PATCH')
    .map(request => {
      try {
        const { body } = JSON.parse(request.body) as { body?: unknown }
        return typeof body === 'string' ? body : request.body
      } catch {
        return request.body
      }
    })
}

/**
 * Throws (like `assertNoSecrets`) when a secret among `inputs` appears in any comment write or in
 * any comment the emulator holds now.
 */
export function expectCommentsWithoutSecrets(
  emulator: Emulator,
  inputs: Record<string, string>
): void {
  const texts: Record<string, string> = {}
  commentWritesOf(emulator).forEach((body, index) => (texts[`comment write #${index + 1}`] = body))
  for (const comment of emulator.github.comments) texts[`comment ${comment.id}`] = comment.body
  assertNoSecrets(texts, secretsOfInputs(inputs))
}
