// Types used only inside the emulator (JSDoc of its .js files).
import type { World } from './types.js'
import type { EventStore } from './events.js'
import type { ExecutionStore } from './executions.js'

/** What every route handler gets besides the request. */
export interface RouteContext {
  world: World
  store: { events: EventStore; executions: ExecutionStore }
  /** the emulator's own origin, e.g. http://127.0.0.1:PORT */
  origin: string
  /** what came before /gateway in the request's path ('' or e.g. '/gratis') */
  prefix: string
  /** base of UI links (world.urls.uiBaseUrl or `<origin>/ng/#`) */
  uiBaseUrl: string
}
