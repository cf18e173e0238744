export const id = 139;
export const ids = [139];
export const modules = {

/***/ 2139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commentOnPullRequest: () => (/* binding */ commentOnPullRequest)
});

// UNUSED EXPORTS: PullRequestCommenter, explainFailure, pullRequestOf

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/github/pull-request.ts
var pull_request = __webpack_require__(2524);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/image.ts
var core_image = __webpack_require__(8906);
;// CONCATENATED MODULE: ./src/report/comment.ts


/** GitHub refuses issue comment bodies longer than this. */
const MAX_COMMENT_CHARS = 65_536;
const MARKER_PREFIX = '<!-- harness-trigger:deployment:';
const MARKER_SUFFIX = ' -->';
const TRUNCATION_NOTE = '\n\n_(cut short: GitHub limits a comment to 65,536 characters)_';
/**
 * The image path that names a deployment: no tag, no digest, lower case. Later pushes of the same
 * image (new tags) thus update the same comment, while matrix legs with other images get their own.
 */
function imagePath(image) {
    if (!image)
        return '';
    return (0,core_image/* cutImageReference */.Zs)(image.trim()).name.toLowerCase();
}
/**
 * A stable key for one deployment: (account, org, project, pipeline, trigger, image path), hashed so
 * that the hidden marker is short, reveals nothing and cannot be broken by odd characters.
 */
function deploymentKey(ids, image) {
    const parts = [ids.accountId, ids.orgId, ids.projectId, ids.pipelineId, ids.triggerId];
    return (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([...parts, imagePath(image)]))
        .digest('hex')
        .slice(0, 32);
}
/** The hidden HTML comment that lets a later run find this deployment's PR comment again. */
function commentMarker(ids, image) {
    return `${MARKER_PREFIX}${deploymentKey(ids, image)}${MARKER_SUFFIX}`;
}
/** The whole comment: marker first, then the text, cut at a line end if it would be too long. */
function commentBody(marker, text) {
    const room = MAX_COMMENT_CHARS - marker.length - 1;
    if (text.length <= room)
        return `${marker}\n${text}`;
    const limit = room - TRUNCATION_NOTE.length;
    const lineEnd = text.lastIndexOf('\n', limit);
    const kept = text.slice(0, lineEnd > 0 ? lineEnd : limit);
    return `${marker}\n${kept}${TRUNCATION_NOTE}`;
}
/**
 * The comment that carries `marker`. Should several carry it (someone copied one by hand), the one
 * written by a bot is ours, and of those the oldest: the one earlier runs have been updating.
 */
function pickMarkedComment(comments, marker) {
    const marked = comments.filter(comment => comment.body?.includes(marker));
    return marked.find(comment => comment.user?.type === 'Bot') ?? marked[0];
}

;// CONCATENATED MODULE: ./src/github/pr-comment.ts



/** One comment update should never hold up the run for long: GitHub answers in about a second. */
const UPSERT_TIMEOUT_MS = 30_000;
/** Answers that the next update would get too (no permission, bad token, no such PR): stop trying. */
const LASTING_FAILURES = new Set([401, 403, 404]);
/** The pull request to comment on, or why there is none. */
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
/**
 * Creates one comment per deployment on the run's pull request and keeps it up to date. It
 * remembers the comment id, so updates after the first don't list the comments again, and applies
 * updates in the order they were asked for. It never throws: a comment is a courtesy, never the
 * reason a deployment fails, so a problem becomes a warning. After a problem that
 * would only repeat itself (not a pull request, no token, no permission), later calls stay quiet.
 */
class PullRequestCommenter {
    event;
    connect;
    log;
    timeoutMs;
    commentIds = new Map();
    octokit;
    /** the time limit of the update under way; every request of it carries this signal */
    deadline;
    queue = Promise.resolve();
    stopped = false;
    constructor(event, connect, log, timeoutMs = UPSERT_TIMEOUT_MS) {
        this.event = event;
        this.connect = connect;
        this.log = log;
        this.timeoutMs = timeoutMs;
    }
    /** Create or update this deployment's comment with `text` (already free of secrets). */
    post(settings, text) {
        const next = this.queue.then(() => this.postNow(settings, text));
        this.queue = next;
        return next;
    }
    async postNow(settings, text) {
        if (!settings.commentOnPr || this.stopped)
            return;
        const target = pullRequestOf(this.event);
        if (typeof target === 'string')
            return this.stop(() => this.log.warning(target));
        if (!settings.githubToken) {
            return this.stop(() => this.log.warning('comment-on-pr: github-token is empty, so no comment was posted. Leave it at its default (${{ github.token }}) or pass a token that may write pull request comments.'));
        }
        const marker = commentMarker(settings.ids, settings.image.image);
        try {
            this.deadline = AbortSignal.timeout(this.timeoutMs);
            await this.upsert(this.connected(settings.githubToken), target, marker, commentBody(marker, text));
        }
        catch (error) {
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
                const { data } = await octokit.rest.issues.updateComment({
                    owner: target.owner,
                    repo: target.repo,
                    comment_id: knownId,
                    body
                });
                this.commentIds.set(marker, data.id);
                this.log.info(`Updated the pull request comment: ${data.html_url}`);
                return;
            }
            catch (error) {
                // Someone deleted it meanwhile: write a new one rather than give up.
                if (statusOf(error) !== 404)
                    throw error;
            }
        }
        const { data } = await octokit.rest.issues.createComment({ ...target, body });
        this.commentIds.set(marker, data.id);
        this.log.info(`Commented on pull request #${target.issue_number}: ${data.html_url}`);
    }
    connected(token) {
        if (this.octokit)
            return this.octokit;
        const octokit = this.connect(token);
        // Through a hook, because pagination drops per-call request options.
        octokit.hook.before('request', options => {
            options.request = { ...options.request, signal: this.deadline };
        });
        this.octokit = octokit;
        return octokit;
    }
    stop(say) {
        this.stopped = true;
        say();
    }
}
/** Reads the comments page by page and stops at the first bot comment that carries the marker. */
async function findComment(octokit, target, marker) {
    let byPerson;
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        ...target,
        per_page: 100
    });
    for await (const { data } of pages) {
        const found = pickMarkedComment(data, marker);
        if (found?.user?.type === 'Bot')
            return found.id;
        byPerson ??= found;
    }
    return byPerson?.id;
}
/** GitHub's HTTP status; Octokit gives network failures a status 500 without a response. */
function statusOf(error) {
    const failure = error;
    return typeof failure?.status === 'number' && failure.response ? failure.status : undefined;
}
/** A warning that says what went wrong and what to change; Octokit never puts the token in a message. */
function explainFailure(error, target) {
    const status = statusOf(error);
    const said = firstLine(error instanceof Error ? error.message : String(error));
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
    const line = text.split('\n')[0]?.trim() ?? '';
    return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
let runCommenter;
/**
 * Create or update this deployment's PR comment. Call it as often as the deployment moves
 * (triggered, running, final): the first call finds or creates the comment, later calls update it.
 * Never throws.
 */
async function commentOnPullRequest(core, settings, text) {
    runCommenter ??= new PullRequestCommenter({
        eventName: github/* context */._.eventName ?? '',
        payload: github/* context */._.payload,
        repository: process.env.GITHUB_REPOSITORY
    }, token => github/* getOctokit */.Q(token), core);
    await runCommenter.post(settings, text);
}


/***/ })

};
