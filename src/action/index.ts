// Entry of dist/index.js, the action's main step (runs.main): fires the trigger.
import { run } from './main.js'
import { exitWhenFlushed } from './process-runtime.js'
import { markPhase } from './phase-mark.js'

markPhase('run')
await run()
exitWhenFlushed()
