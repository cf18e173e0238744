export const id = 222;
export const ids = [222];
export const modules = {

/***/ 8222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentOnPullRequest: () => (/* binding */ commentOnPullRequest)
});

// UNUSED EXPORTS: FINAL_BUDGET_MS, PullRequestCommenter, explainFailure, pullRequestOf

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
;// CONCATENATED MODULE: ./src/github/capped-fetch.ts
const GITHUB_ANSWER_LIMIT = 2 * 1024 * 1024;
class AnswerTooLarge extends Error {
    constructor(limit) {
        super(`GitHub's answer is larger than ${limit / (1024 * 1024)} MiB; stopped reading it`);
        this.name = 'AnswerTooLarge';
    }
}
const NO_BODY = new Set([101, 103, 204, 205, 304]);
function cappedFetch(fetch, limit = GITHUB_ANSWER_LIMIT) {
    return async (input, init) => {
        const response = await fetch(input, init);
        const body = await readCapped(response, limit);
        return new Response(NO_BODY.has(response.status) ? null : body, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers
        });
    };
}
async function readCapped(response, limit) {
    if (Number(response.headers.get('content-length')) > limit) {
        await response.body?.cancel().catch(() => undefined);
        throw new AnswerTooLarge(limit);
    }
    if (!response.body)
        return new Uint8Array(new ArrayBuffer(0));
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > limit) {
            await reader.cancel().catch(() => undefined);
            throw new AnswerTooLarge(limit);
        }
        chunks.push(value);
    }
    const whole = new Uint8Array(new ArrayBuffer(size));
    let at = 0;
    for (const chunk of chunks) {
        whole.set(chunk, at);
        at += chunk.byteLength;
    }
    return whole;
}

// EXTERNAL MODULE: ./src/github/pull-request.ts
var pull_request = __webpack_require__(2524);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/image.ts
var core_image = __webpack_require__(8906);
;// CONCATENATED MODULE: ./src/report/comment.ts


const MAX_COMMENT_CHARS = 65_536;
const MARKER_PREFIX = '<!-- harness-trigger:deployment:';
const MARKER_SUFFIX = ' -->';
const TRUNCATION_NOTE = '\n\n_(cut short: GitHub limits a comment to 65,536 characters)_';
function imagePath(image) {
    if (!image)
        return '';
    return (0,core_image/* cutImageReference */.Zs)(image.trim()).name.toLowerCase();
}
function deploymentKey(ids, image) {
    const parts = [ids.accountId, ids.orgId, ids.projectId, ids.pipelineId, ids.triggerId];
    return (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([...parts, imagePath(image)]))
        .digest('hex')
        .slice(0, 32);
}
function commentMarker(ids, image) {
    return `${MARKER_PREFIX}${deploymentKey(ids, image)}${MARKER_SUFFIX}`;
}
function commentBody(marker, text) {
    const room = MAX_COMMENT_CHARS - marker.length - 1;
    if (text.length <= room)
        return `${marker}\n${text}`;
    const limit = room - TRUNCATION_NOTE.length;
    const lineEnd = text.lastIndexOf('\n', limit);
    const kept = text.slice(0, lineEnd > 0 ? lineEnd : limit);
    return `${marker}\n${kept}${TRUNCATION_NOTE}`;
}
function pickMarkedComment(comments, marker) {
    const marked = comments.filter(comment => comment.body?.includes(marker));
    return marked.find(comment => comment.user?.type === 'Bot') ?? marked[0];
}

// EXTERNAL MODULE: ./src/harness/plain.ts
var plain = __webpack_require__(616);
;// CONCATENATED MODULE: ./src/github/pr-comment.ts





const UPSERT_TIMEOUT_MS = 15_000;
const FINAL_BUDGET_MS = 10_000;
const PAGE_SIZE = 20;
const LASTING_FAILURES = new Set([401, 403, 404]);
function pullRequestOf(event) {
    if (!(0,pull_request/* isPullRequestEvent */.T)(event.eventName)) {
        return `comment-on-pr: this run's event is '${event.eventName || 'unknown'}', not pull_request or pull_request_target, so no comment was posted.`;
    }
    const { number } = (0,pull_request/* pullRequestOfPayload */.w)(event.payload);
    const fullName = event.repository || event.payload.repository?.full_name || '';
    const [owner, repo] = fullName.split('/');
    if (!number || !owner || !repo) {
        return `comment-on-pr: the ${event.eventName} event names no pull request number or repository, so no comment was posted.`;
    }
    return { owner, repo, issue_number: number };
}
class PullRequestCommenter {
    event;
    connect;
    log;
    timeoutMs;
    finalBudgetMs;
    commentIds = new Map();
    octokit;
    deadline;
    closing = new AbortController();
    closingTimer;
    outOfTime = false;
    queue = Promise.resolve();
    stopped = false;
    constructor(event, connect, log, timeoutMs = UPSERT_TIMEOUT_MS, finalBudgetMs = FINAL_BUDGET_MS) {
        this.event = event;
        this.connect = connect;
        this.log = log;
        this.timeoutMs = timeoutMs;
        this.finalBudgetMs = finalBudgetMs;
    }
    post(settings, text, options = {}) {
        if (options.final && !this.closingTimer) {
            this.closingTimer = setTimeout(() => this.closing.abort(), this.finalBudgetMs);
            this.closingTimer.unref?.();
        }
        const next = this.queue.then(() => this.postNow(settings, text));
        this.queue = next;
        return next;
    }
    async postNow(settings, text) {
        if (!settings.commentOnPr || this.stopped)
            return;
        if (this.closing.signal.aborted)
            return this.sayOutOfTime();
        const target = pullRequestOf(this.event);
        if (typeof target === 'string')
            return this.stop(() => this.log.warning(target));
        if (!settings.githubToken) {
            return this.stop(() => this.log.warning('comment-on-pr: github-token is empty, so no comment was posted. Leave it at its default (${{ github.token }}) or pass a token that may write pull request comments.'));
        }
        const marker = commentMarker(settings.ids, settings.image.image);
        try {
            this.deadline = AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.closing.signal]);
            await this.upsert(this.connected(settings.githubToken), target, marker, commentBody(marker, text));
        }
        catch (error) {
            if (this.closing.signal.aborted)
                return this.sayOutOfTime();
            const warning = explainFailure(error, target);
            if (LASTING_FAILURES.has(statusOf(error) ?? 0))
                this.stop(() => this.log.warning(warning));
            else
                this.log.warning(warning);
        }
    }
    async upsert(octokit, target, marker, body) {
        const knownId = this.commentIds.get(marker) ?? (await findComment(octokit, target, marker));
        if (knownId !== undefined) {
            try {
                const { status, data } = await octokit.rest.issues.updateComment({
                    owner: target.owner,
                    repo: target.repo,
                    comment_id: knownId,
                    body
                });
                const written = writtenComment(data);
                if (written)
                    this.commentIds.set(marker, written.id);
                this.log.info(written
                    ? `Updated the pull request comment${linkText(written)}`
                    : `Asked GitHub to update the pull request comment; its answer (HTTP ${status}) does not show the comment.`);
                return;
            }
            catch (error) {
                if (statusOf(error) !== 404)
                    throw error;
            }
        }
        const { status, data } = await octokit.rest.issues.createComment({ ...target, body });
        const written = writtenComment(data);
        if (!written) {
            this.log.warning(`comment-on-pr: GitHub answered HTTP ${status} to the new comment on pull request #${target.issue_number} without the comment; it may not have been written.`);
            return;
        }
        this.commentIds.set(marker, written.id);
        this.log.info(`Commented on pull request #${target.issue_number}${linkText(written)}`);
    }
    sayOutOfTime() {
        if (this.outOfTime)
            return;
        this.outOfTime = true;
        this.log.warning(`comment-on-pr: GitHub did not finish the comment within ${this.finalBudgetMs / 1000} s of the deployment's end; it was left as it was. The deployment itself is not affected.`);
    }
    connected(token) {
        if (this.octokit)
            return this.octokit;
        const octokit = this.connect(token);
        octokit.hook.before('request', options => {
            const fetch = options.request?.fetch ?? globalThis.fetch;
            options.request = {
                ...options.request,
                signal: this.deadline,
                fetch: cappedFetch(fetch),
                log: octokitLog(this.log)
            };
        });
        this.octokit = octokit;
        return octokit;
    }
    stop(say) {
        this.stopped = true;
        say();
    }
}
async function findComment(octokit, target, marker) {
    let byPerson;
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        ...target,
        per_page: PAGE_SIZE
    });
    for await (const { data } of pages) {
        const found = pickMarkedComment(data, marker);
        if (found?.user?.type === 'Bot')
            return found.id;
        byPerson ??= found;
    }
    return byPerson?.id;
}
function octokitLog(log) {
    return {
        debug: () => undefined,
        info: () => undefined,
        warn: (message) => log.warning(`GitHub: ${message}`),
        error: (message) => log.warning(`GitHub: ${message}`)
    };
}
function writtenComment(data) {
    const comment = data;
    if (typeof comment?.id !== 'number')
        return undefined;
    return { id: comment.id, url: httpUrl(comment.html_url) };
}
function httpUrl(value) {
    if (typeof value !== 'string')
        return undefined;
    try {
        const { protocol } = new URL(value);
        return protocol === 'https:' || protocol === 'http:' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function linkText(comment) {
    return comment.url ? `: ${comment.url}` : '';
}
function statusOf(error) {
    const failure = error;
    return typeof failure?.status === 'number' && failure.response ? failure.status : undefined;
}
function explainFailure(error, target) {
    const status = statusOf(error);
    const said = firstLine((0,plain/* messageOf */.bD)(error));
    const where = `pull request #${target.issue_number} of ${target.owner}/${target.repo}`;
    if (status === 403) {
        return (`comment-on-pr: GitHub refused to write on ${where} (HTTP 403: ${said}). Grant the job ` +
            '`permissions: pull-requests: write` (or `issues: write`). On pull requests from forks the ' +
            'GITHUB_TOKEN stays read-only; the deployment itself is not affected.');
    }
    if (status === 401) {
        return `comment-on-pr: GitHub did not accept github-token (HTTP 401: ${said}); no comment was posted.`;
    }
    if (status === 404) {
        return `comment-on-pr: GitHub answered 404 for ${where}: the token cannot see it, or it does not exist (${said}). No comment was posted.`;
    }
    const code = status ? `HTTP ${status}: ` : '';
    return `comment-on-pr: could not write the comment on ${where} (${code}${said}); the deployment itself is not affected.`;
}
function firstLine(text) {
    return text.split('\n')[0]?.trim() ?? '';
}
let runCommenter;
async function commentOnPullRequest(core, settings, text, options = {}) {
    runCommenter ??= new PullRequestCommenter({
        eventName: github/* context */._.eventName ?? '',
        payload: github/* context */._.payload,
        repository: process.env.GITHUB_REPOSITORY
    }, token => github/* getOctokit */.Q(token, { log: octokitLog(core) }), core);
    await runCommenter.post(settings, text, options);
}


/***/ })

};
