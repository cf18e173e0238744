/** URLs taken from answers are used only when they are http(s): never a `javascript:` link. */
import { describe, expect, it } from '@jest/globals'
import {
  eventDetailsFrom,
  executionSummaryFrom,
  webhookAcceptedFrom
} from '../src/harness/client-shapes.js'

const same = (text: string) => text
const notHttp = ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'not a url', '']

describe('URLs from answers', () => {
  it.each(notHttp)('drops %j from the accepted trigger', url => {
    const accepted = webhookAcceptedFrom({
      eventCorrelationId: 'e1',
      apiUrl: url,
      uiUrl: url,
      uiSetupUrl: url
    })
    expect(accepted).toEqual({ eventCorrelationId: 'e1', apiUrl: '', uiUrl: '', uiSetupUrl: '' })
  })

  it.each(notHttp)('drops %j from the event and the execution', url => {
    const details = eventDetailsFrom(
      { webhookProcessingDetails: { status: 'QUEUED' }, executionUrl: url },
      same
    )
    expect(details.executionUrl).toBeUndefined()
    const summary = executionSummaryFrom(
      { pipelineExecutionSummary: { status: 'Running', executionUrl: url }, executionUrl: url },
      'x1',
      same
    )
    expect(summary.executionUrl).toBeUndefined()
  })

  it('keeps http(s) URLs as Harness wrote them', () => {
    const url =
      'https://app.harness.io/ng/account/a/cd/orgs/default/projects/p/pipelines/x/executions/e1'
    expect(webhookAcceptedFrom({ eventCorrelationId: 'e1', uiUrl: url }).uiUrl).toBe(url)
    const details = eventDetailsFrom(
      { webhookProcessingDetails: { status: 'QUEUED' }, executionUrl: 'http://127.0.0.1:8080/x' },
      same
    )
    expect(details.executionUrl).toBe('http://127.0.0.1:8080/x')
  })
})
