// Entry of dist/post.js, the action's post step (runs.post). It never fires the trigger: it only
// cleans up after a main step that was cancelled or killed, whatever state that step left.
import { run } from './post.js'
import { exitWhenFlushed } from './process-runtime.js'

await run()
exitWhenFlushed()
