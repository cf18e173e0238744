import { HarnessClient } from '../harness/client.js'
import type { HttpRequest, HttpResponse } from '../harness/http/request.js'
import type { Log } from './log.js'
import type { Redactor } from './redactor.js'
import type { Settings } from './settings.js'

/** What a front end lends the Harness client: its redactor, log, clock and (in tests) wire. */
export interface ClientWorld {
  redactor: Redactor
  log: Pick<Log, 'info' | 'debug'>
  sleep(ms: number, signal: AbortSignal): Promise<void>
  random(): number
  send?: (request: HttpRequest) => Promise<HttpResponse>
}

/** The run's Harness client, set up the same way by every front end. */
export function harnessClientFor(settings: Settings, world: ClientWorld): HarnessClient {
  const never = new AbortController().signal
  return new HarnessClient({
    endpoint: settings.endpoint,
    apiKey: settings.apiKey,
    redactor: world.redactor,
    log: line => world.log.info(line),
    debug: line => world.log.debug(line),
    sleep: (ms, signal) => world.sleep(ms, signal ?? never),
    random: () => world.random(),
    send: world.send,
    requestTimeoutMs: settings.requestTimeoutMs
  })
}
