#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 608:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  u: () => (/* binding */ gitIn)
});

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: ./src/cli/git.ts

const GIT_TIMEOUT_MS = 2000;
function gitIn(cwd) {
    return args => {
        try {
            const { execFileSync } = (0,external_node_module_namespaceObject.createRequire)(import.meta.url)('node:child_process');
            const out = execFileSync('git', args, {
                cwd,
                encoding: 'utf8',
                timeout: GIT_TIMEOUT_MS,
                stdio: ['ignore', 'pipe', 'ignore'],
                env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' }
            });
            return out.trim() || undefined;
        }
        catch {
            return undefined;
        }
    };
}


/***/ }),

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(608);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(670);




process.stdout.on('error', () => { });
const cancellation = new AbortController();
let cancelledBy;
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        if (cancelledBy)
            return;
        cancelledBy = signal;
        process.stderr.write(`Received ${signal}: the run is being cancelled.\n`);
        cancellation.abort();
    });
}
const code = await (0,_main_js__WEBPACK_IMPORTED_MODULE_3__/* .run */ .e)(process.argv.slice(2), {
    env: process.env,
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    writeFile: (path, text) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, text),
    git: (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .gitIn */ .u)(process.cwd()),
    cancelSignal: cancellation.signal,
    cancelledBy: () => cancelledBy,
    now: () => Date.now(),
    sleep: (ms, signal) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(ms, undefined, { signal }).catch(() => undefined),
    random: Math.random
});
process.exitCode = code;
setTimeout(() => process.exit(code), 1000).unref();
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 670:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: ExitCode

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_namespaceObject);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
;// CONCATENATED MODULE: ./src/harness/http/socket-errors.ts
const UNTRUSTED_CERTIFICATE = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_UNTRUSTED'
]);
const OTHER_CERTIFICATE_PROBLEMS = {
    CERT_HAS_EXPIRED: 'the server certificate has expired',
    CERT_NOT_YET_VALID: 'the server certificate is not valid yet',
    CERT_REVOKED: 'the server certificate is revoked',
    CERT_SIGNATURE_FAILURE: 'the server certificate has a bad signature',
    ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not name this host',
    HOSTNAME_MISMATCH: 'the server certificate does not name this host'
};
function classifySocketError(error) {
    const code = errorCode(error);
    if (code === 'ECONNREFUSED') {
        return {
            kind: 'connection-refused',
            mayHaveReached: false,
            detail: 'connection refused (ECONNREFUSED)'
        };
    }
    if (code === 'ENOTFOUND') {
        return { kind: 'dns', mayHaveReached: false, detail: 'host name not found (ENOTFOUND)' };
    }
    if (code === 'EAI_AGAIN') {
        return { kind: 'dns', mayHaveReached: false, detail: 'DNS lookup failed for now (EAI_AGAIN)' };
    }
    if (code === 'ECONNRESET' || code === 'EPIPE') {
        return { kind: 'reset', mayHaveReached: true, detail: `the connection was reset (${code})` };
    }
    if (isTlsCode(code))
        return { kind: 'tls', mayHaveReached: false, detail: tlsDetail(code) };
    if (errorMessage(error) === 'socket hang up') {
        return {
            kind: 'reset',
            mayHaveReached: true,
            detail: 'the server closed the connection without answering (socket hang up)'
        };
    }
    return {
        kind: 'other',
        mayHaveReached: true,
        detail: `the request failed (${code || 'no error code'})`
    };
}
function isTlsCode(code) {
    return (UNTRUSTED_CERTIFICATE.has(code) ||
        code in OTHER_CERTIFICATE_PROBLEMS ||
        code.startsWith('ERR_TLS_') ||
        code.startsWith('ERR_SSL_') ||
        code === 'EPROTO');
}
function tlsDetail(code) {
    if (UNTRUSTED_CERTIFICATE.has(code)) {
        return (`TLS failed: the server certificate is not trusted (${code}); ` +
            'for a private or self-signed CA, point NODE_EXTRA_CA_CERTS at its PEM file');
    }
    const problem = OTHER_CERTIFICATE_PROBLEMS[code];
    return problem ? `TLS failed: ${problem} (${code})` : `the TLS handshake failed (${code})`;
}
function errorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : '';
}
function errorMessage(error) {
    return error instanceof Error ? error.message : '';
}

;// CONCATENATED MODULE: ./src/harness/http/route.ts




class ProxyFailure extends Error {
    constructor(detail) {
        super(detail);
        this.name = 'ProxyFailure';
    }
}
function targetOfUrl(url) {
    const secure = url.protocol === 'https:';
    const port = url.port ? Number(url.port) : secure ? 443 : 80;
    return {
        url,
        secure,
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port,
        hostPort: `${url.hostname}:${port}`
    };
}
async function openRoute(target, ca, track) {
    const proxy = getProxyUrl(target.url);
    if (!proxy) {
        const socket = await connectTo(target, ca, track);
        await connected(socket, target.secure);
        return { socket, viaHttpProxy: false };
    }
    const proxyTarget = targetOfUrl(proxy);
    const proxyAuthorization = basicAuthorization(proxy);
    let proxySocket;
    try {
        proxySocket = await connectTo(proxyTarget, undefined, track);
        await connected(proxySocket, proxyTarget.secure);
    }
    catch (error) {
        const { detail } = classifySocketError(error);
        throw new ProxyFailure(`could not reach the proxy ${proxyTarget.hostPort}: ${detail}`);
    }
    if (!target.secure)
        return { socket: proxySocket, viaHttpProxy: true, proxyAuthorization };
    const tunnel = await openTunnel(proxySocket, target, proxyTarget, proxyAuthorization);
    const { connect } = await loadTls();
    const socket = connect({ ...tlsOptions(target, ca), socket: tunnel });
    track(socket);
    await connected(socket, true);
    return { socket, viaHttpProxy: false };
}
async function connectTo(target, ca, track) {
    const socket = target.secure
        ? (await loadTls()).connect({ ...tlsOptions(target, ca), port: target.port })
        : external_node_net_default().connect({ host: target.hostname, port: target.port });
    track(socket);
    return socket;
}
function loadTls() {
    return Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 692, 23));
}
function tlsOptions(target, ca) {
    return {
        host: target.hostname,
        ...(external_node_net_default().isIP(target.hostname) ? {} : { servername: target.hostname }),
        ...(ca ? { ca } : {})
    };
}
function connected(socket, secure) {
    const ready = secure ? 'secureConnect' : 'connect';
    return new Promise((resolve, reject) => {
        const cleanUp = () => {
            socket.off(ready, onReady);
            socket.off('error', onError);
            socket.off('close', onClose);
        };
        const onReady = () => {
            cleanUp();
            resolve();
        };
        const onError = (error) => {
            cleanUp();
            reject(error);
        };
        const onClose = () => {
            cleanUp();
            reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        };
        socket.once(ready, onReady);
        socket.once('error', onError);
        socket.once('close', onClose);
    });
}
function openTunnel(proxySocket, target, proxy, proxyAuthorization) {
    return new Promise((resolve, reject) => {
        const headers = { Host: target.hostPort };
        if (proxyAuthorization)
            headers['Proxy-Authorization'] = proxyAuthorization;
        const connect = external_node_http_default().request({
            method: 'CONNECT',
            path: target.hostPort,
            headers,
            createConnection: () => proxySocket
        });
        connect.once('connect', (answer, socket, head) => {
            const status = answer.statusCode ?? 0;
            if (status >= 200 && status < 300) {
                if (head.length > 0)
                    socket.unshift(head);
                resolve(socket);
                return;
            }
            socket.destroy();
            const reason = answer.statusMessage ? ` ${answer.statusMessage}` : '';
            reject(new ProxyFailure(`the proxy ${proxy.hostPort} refused the tunnel to ${target.hostPort} (HTTP ${status}${reason})`));
        });
        connect.once('error', error => {
            const { detail } = classifySocketError(error);
            reject(new ProxyFailure(`the proxy ${proxy.hostPort} failed during CONNECT: ${detail}`));
        });
        connect.end();
    });
}
function basicAuthorization(proxy) {
    if (!proxy.username)
        return undefined;
    const credentials = `${proxy.username}:${proxy.password}`;
    return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

;// CONCATENATED MODULE: ./src/harness/http/request.ts



class NetworkError extends Error {
    kind;
    mayHaveReached;
    constructor(message, kind, mayHaveReached) {
        super(message);
        this.kind = kind;
        this.mayHaveReached = mayHaveReached;
        this.name = 'NetworkError';
    }
}
function sendRequest(request) {
    return exchange(request, undefined);
}
function sendRequestTrusting(ca) {
    return request => exchange(request, ca);
}
async function exchange(request, ca) {
    const target = parseTarget(request);
    const label = `${request.method} ${target.hostPort}`;
    const { signal } = request;
    if (signal?.aborted) {
        throw new NetworkError(`${label}: cancelled before it was sent`, 'cancelled', false);
    }
    const sockets = [];
    let timer;
    let onAbort;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => {
            const after = `${Number((request.timeoutMs / 1000).toFixed(3))} s`;
            reject(new NetworkError(`${label}: the request timed out after ${after}`, 'timeout', true));
        }, request.timeoutMs);
        onAbort = () => {
            reject(new NetworkError(`${label}: cancelled; the request was abandoned`, 'cancelled', true));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
        const delivery = deliver(request, target, ca, label, socket => sockets.push(socket));
        return await Promise.race([delivery, deadline]);
    }
    catch (error) {
        throw asNetworkError(error, label);
    }
    finally {
        clearTimeout(timer);
        if (onAbort)
            signal?.removeEventListener('abort', onAbort);
        for (const socket of sockets)
            socket.destroy();
    }
}
function parseTarget(request) {
    let url;
    try {
        url = new URL(request.url);
    }
    catch {
        throw new NetworkError(`${request.method}: the URL is not valid`, 'other', false);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new NetworkError(`${request.method} ${url.host}: only http: and https: URLs are supported`, 'other', false);
    }
    return targetOfUrl(url);
}
async function deliver(request, target, ca, label, track) {
    const route = await openRoute(target, ca, track);
    try {
        return await exchangeOver(route, request, target, label);
    }
    catch (error) {
        throw afterConnecting(error, label);
    }
}
function afterConnecting(error, label) {
    const failure = asNetworkError(error, label);
    if (failure.mayHaveReached)
        return failure;
    const detail = failure.kind === 'tls'
        ? `the TLS connection failed after the request was sent (${socketCode(error)})`
        : classifySocketError(error).detail;
    const kind = failure.kind === 'connection-refused' || failure.kind === 'dns' ? 'other' : failure.kind;
    return new NetworkError(`${label}: ${detail}`, kind, true);
}
function socketCode(error) {
    const code = error?.code;
    return typeof code === 'string' && code ? code : 'no error code';
}
function exchangeOver(route, request, target, label) {
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const { url } = target;
    return new Promise((resolve, reject) => {
        const outgoing = external_node_http_default().request({
            method: request.method,
            path: route.viaHttpProxy
                ? `${url.protocol}//${url.host}${url.pathname}${url.search}`
                : `${url.pathname}${url.search}`,
            headers: outgoingHeaders(request, target, route, body),
            createConnection: () => route.socket
        });
        outgoing.once('error', reject);
        outgoing.once('response', answer => {
            readAnswer(answer, request.maxResponseBytes, label).then(resolve, reject);
        });
        outgoing.end(body);
    });
}
function outgoingHeaders(request, target, route, body) {
    const headers = { Host: target.url.host, ...request.headers };
    if (body !== undefined || request.method !== 'GET') {
        headers['Content-Length'] = String(body?.length ?? 0);
    }
    if (route.proxyAuthorization)
        headers['Proxy-Authorization'] = route.proxyAuthorization;
    return headers;
}
function readAnswer(answer, limit, label) {
    return new Promise((resolve, reject) => {
        const tooLarge = () => {
            answer.destroy();
            const message = `${label}: the answer is larger than ${formatBytes(limit)}; stopped reading it`;
            reject(new NetworkError(message, 'too-large', true));
        };
        if (Number(answer.headers['content-length']) > limit) {
            tooLarge();
            return;
        }
        const chunks = [];
        let size = 0;
        answer.on('data', (chunk) => {
            size += chunk.length;
            if (size > limit)
                tooLarge();
            else
                chunks.push(chunk);
        });
        answer.once('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body });
        });
        answer.once('error', reject);
        answer.once('close', () => {
            if (!answer.complete)
                reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        });
    });
}
function asNetworkError(error, label) {
    if (error instanceof NetworkError)
        return error;
    if (error instanceof ProxyFailure)
        return new NetworkError(`${label}: ${error.message}`, 'proxy', false);
    const failure = classifySocketError(error);
    return new NetworkError(`${label}: ${failure.detail}`, failure.kind, failure.mayHaveReached);
}
function formatBytes(bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0)
        return `${bytes / (1024 * 1024)} MiB`;
    if (bytes >= 1024 && bytes % 1024 === 0)
        return `${bytes / 1024} KiB`;
    return `${bytes} bytes`;
}

;// CONCATENATED MODULE: ./src/harness/setting-error.ts
class SettingError extends Error {
    setting;
    problem;
    constructor(setting, problem) {
        super(`'${setting}': ${problem}`);
        this.name = 'SettingError';
        this.setting = setting;
        this.problem = problem;
    }
}

;// CONCATENATED MODULE: ./src/harness/plain.ts
function shorten(text, max) {
    return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}
function withoutUndefined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/harness/identifiers.ts


const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_$]{0,127}$/;
const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const WEBHOOK_TOKEN_PATTERN = /^[A-Za-z0-9_-]+$/;
const IDENTIFIER_RULE = 'a letter or _ then up to 127 letters, digits, _ or $';
const ACCOUNT_ID_RULE = 'letters, digits, _ or -';
function checkIdentifier(input, value) {
    const trimmed = value.trim();
    if (IDENTIFIER_PATTERN.test(trimmed))
        return trimmed;
    throw new SettingError(input, `expected a Harness identifier: ${IDENTIFIER_RULE}; got ${describeValue(trimmed)}${nameHint(trimmed)}`);
}
function checkAccountId(input, value) {
    const trimmed = value.trim();
    if (ACCOUNT_ID_PATTERN.test(trimmed))
        return trimmed;
    throw new SettingError(input, `expected a Harness account id (${ACCOUNT_ID_RULE}, as in accountIdentifier=… of the webhook URL); got ${describeValue(trimmed)}`);
}
function checkWebhookToken(input, value) {
    const trimmed = value.trim();
    if (WEBHOOK_TOKEN_PATTERN.test(trimmed))
        return trimmed;
    const problem = trimmed === '' ? 'it is empty' : 'the value given has other characters';
    throw new SettingError(input, `expected the trigger's custom webhook token (${ACCOUNT_ID_RULE}: the part of the v3 webhook URL between /custom/ and /v3); ${problem}`);
}
const SHOWN_CHARS = 64;
function describeValue(value) {
    if (value === '')
        return 'an empty value';
    const shown = shorten(value, SHOWN_CHARS + 1);
    return `'${shown}'`;
}
function nameHint(value) {
    if (!/[\s-]/.test(value))
        return '';
    return ' (this looks like a name; use the identifier Harness shows under the name, which has no spaces or hyphens)';
}

;// CONCATENATED MODULE: ./src/harness/urls.ts



let loopback;
function loopbackAddresses() {
    if (!loopback) {
        loopback = new external_node_net_namespaceObject.BlockList();
        loopback.addSubnet('127.0.0.0', 8, 'ipv4');
        loopback.addAddress('::1', 'ipv6');
    }
    return loopback;
}
function isLoopbackHost(hostname) {
    const host = hostname
        .trim()
        .toLowerCase()
        .replace(/^\[(.*)\]$/, '$1');
    if (host === 'localhost' || host === 'localhost.')
        return true;
    const family = (0,external_node_net_namespaceObject.isIP)(host);
    if (family === 4)
        return loopbackAddresses().check(host, 'ipv4');
    if (family === 6)
        return loopbackAddresses().check(host, 'ipv6');
    return false;
}
const WEBHOOK_PATH = ['pipeline', 'api', 'webhook', 'custom'];
const NOT_A_BASE_SEGMENTS = new Set(['ng', 'api', 'pipeline', 'gateway', 'account']);
const PREFIX_SEGMENT = /^[A-Za-z0-9._~-]+$/;
const HTTPS_RULE = 'HTTPS is required; plain HTTP is allowed only to loopback (localhost, 127.0.0.1, ::1)';
function normalizeHarnessUrl(raw, input = 'harness-url') {
    const expected = 'expected the base URL of the Harness install, e.g. https://app.harness.io, https://app.harness.io/gratis or https://harness.example.com (with or without /gateway)';
    const trimmed = raw.trim();
    if (trimmed === '')
        throw new SettingError(input, `${expected}; got an empty value`);
    const url = parseAbsoluteUrl(trimmed);
    if (!url)
        throw new SettingError(input, `${expected}; the value given is not an absolute URL`);
    checkTransport(url, input, expected);
    if (/[?#]/.test(trimmed)) {
        throw new SettingError(input, `${expected}; a query (?…) or fragment (#…) is not part of it`);
    }
    const segments = pathSegments(url);
    if (segments.at(-1)?.toLowerCase() === 'gateway')
        segments.pop();
    const looksLikeLink = segments.some(segment => NOT_A_BASE_SEGMENTS.has(segment.toLowerCase()) || !PREFIX_SEGMENT.test(segment));
    if (looksLikeLink) {
        throw new SettingError(input, `${expected}; the path given looks like a UI or API link, not a base`);
    }
    return endpointFrom(url.origin, segments);
}
const ACCEPTED_WEBHOOK_URLS = 'expected a Harness NextGen custom webhook URL as Harness shows it (Copy Webhook URL / Copy as cURL): ' +
    'https://<host>/gateway/pipeline/api/webhook/custom/v2?accountIdentifier=… or ' +
    'https://<host>/gateway/pipeline/api/webhook/custom/<token>/v3?accountIdentifier=…';
function parseWebhookUrl(raw) {
    const fail = (problem) => {
        throw new SettingError('webhook-url', `${problem}; ${ACCEPTED_WEBHOOK_URLS}`);
    };
    const trimmed = raw.trim();
    if (trimmed === '')
        fail('it is empty');
    const url = parseAbsoluteUrl(trimmed) ?? fail('the value given is not an absolute URL');
    checkTransport(url, 'webhook-url', ACCEPTED_WEBHOOK_URLS);
    if (url.hash || trimmed.includes('#'))
        fail('it has a #fragment, which a webhook URL never has');
    const segments = pathSegments(url);
    const start = indexOfSequence(segments, WEBHOOK_PATH);
    if (start < 0)
        fail(describeWrongPath(segments));
    const prefix = segments.slice(0, start);
    if (prefix.at(-1) === 'gateway')
        prefix.pop();
    if (!prefix.every(segment => PREFIX_SEGMENT.test(segment))) {
        fail('the part of the path before /pipeline/api/webhook/custom is not a plain path prefix');
    }
    const { version, webhookToken } = readVersion(segments.slice(start + WEBHOOK_PATH.length), fail);
    return {
        endpoint: endpointFrom(url.origin, prefix),
        version,
        ...(webhookToken === undefined ? {} : { webhookToken }),
        ...readQueryIds(url.searchParams, fail)
    };
}
function describeWrongPath(segments) {
    if (indexOfSequence(segments, ['api', 'webhooks']) >= 0) {
        return 'it is a Harness FirstGen webhook URL (…/api/webhooks/…), and this action triggers NextGen pipelines';
    }
    return 'its path is not that of a custom webhook trigger';
}
function readVersion(rest, fail) {
    if (rest.length === 0) {
        fail('it is the old v1 form (…/webhook/custom?…), whose answer carries no links to follow');
    }
    if (rest.length === 1 && rest[0] === 'v2')
        return { version: 'v2' };
    if (rest.length === 2 && rest[1] === 'v3') {
        const token = safeDecode(rest[0]);
        if (token === undefined || !WEBHOOK_TOKEN_PATTERN.test(token)) {
            fail(`its webhook token is malformed (expected ${ACCOUNT_ID_RULE})`);
        }
        return { version: 'v3', webhookToken: token };
    }
    return fail('it does not end in /custom/v2 or /custom/<token>/v3');
}
const OPTIONAL_QUERY_IDS = [
    ['orgIdentifier', 'orgId'],
    ['projectIdentifier', 'projectId'],
    ['pipelineIdentifier', 'pipelineId'],
    ['triggerIdentifier', 'triggerId']
];
function readQueryIds(query, fail) {
    const single = (name) => {
        const values = query.getAll(name);
        if (values.length > 1)
            fail(`it has ${name} more than once`);
        const value = values[0]?.trim();
        return value ? value : undefined;
    };
    const accountId = single('accountIdentifier');
    if (accountId === undefined)
        fail('it has no accountIdentifier');
    if (!ACCOUNT_ID_PATTERN.test(accountId)) {
        fail(`its accountIdentifier is not a Harness account id (${ACCOUNT_ID_RULE})`);
    }
    const ids = { accountId };
    for (const [name, key] of OPTIONAL_QUERY_IDS) {
        const value = single(name);
        if (value === undefined)
            continue;
        if (!IDENTIFIER_PATTERN.test(value)) {
            fail(`its ${name} is not a Harness identifier (${IDENTIFIER_RULE})`);
        }
        ids[key] = value;
    }
    return ids;
}
function buildWebhookUrl(endpoint, ids, webhookToken) {
    const version = webhookToken === undefined ? 'v2' : `${encodeURIComponent(webhookToken)}/v3`;
    const query = queryString([
        ['accountIdentifier', ids.accountId],
        ['orgIdentifier', ids.orgId],
        ['projectIdentifier', ids.projectId],
        ['pipelineIdentifier', ids.pipelineId],
        ['triggerIdentifier', ids.triggerId]
    ]);
    return `${endpoint.gateway}/pipeline/api/webhook/custom/${version}?${query}`;
}
function eventDetailsUrl(endpoint, accountId, eventId, variant) {
    const resource = variant === 'v2' ? 'triggerExecutionDetailsV2' : 'triggerExecutionDetails';
    return (`${endpoint.gateway}/pipeline/api/webhook/${resource}/${encodeURIComponent(eventId)}?` +
        queryString([['accountIdentifier', accountId]]));
}
function processingDetailsUrl(endpoint, accountId, eventId) {
    return (`${endpoint.gateway}/pipeline/api/webhook/triggerProcessingDetails?` +
        queryString([
            ['accountIdentifier', accountId],
            ['eventId', eventId]
        ]));
}
function eventHistoryUrl(endpoint, accountId, eventId) {
    return (`${endpoint.gateway}/pipeline/api/triggers/eventHistory/v2/eventCorrelation/${encodeURIComponent(eventId)}?` +
        queryString([
            ['accountIdentifier', accountId],
            ['page', '0'],
            ['size', '10']
        ]));
}
function executionApiUrl(endpoint, scope, planExecutionId) {
    return (`${endpoint.gateway}/pipeline/api/pipelines/execution/v2/${encodeURIComponent(planExecutionId)}?` +
        queryString(scopeQuery(scope)));
}
function abortUrl(endpoint, scope, planExecutionId) {
    return (`${endpoint.gateway}/pipeline/api/pipeline/execute/interrupt/${encodeURIComponent(planExecutionId)}?` +
        queryString([...scopeQuery(scope), ['interruptType', 'AbortAll']]));
}
function executionPageUrl(endpoint, ids, planExecutionId, module = 'cd') {
    const path = [
        'account',
        ids.accountId,
        module,
        'orgs',
        ids.orgId,
        'projects',
        ids.projectId,
        'pipelines',
        ids.pipelineId,
        'executions',
        planExecutionId,
        'pipeline'
    ];
    return `${endpoint.ui}/${path.map(encodeURIComponent).join('/')}`;
}
function isSameOrigin(endpoint, url) {
    const target = parseAbsoluteUrl(url);
    const own = parseAbsoluteUrl(endpoint.origin);
    if (!target || !own || !isHttp(target))
        return false;
    return target.origin === own.origin;
}
function endpointFrom(origin, prefixSegments) {
    const base = origin + prefixSegments.map(segment => `/${segment}`).join('');
    return { origin, gateway: `${base}/gateway`, ui: `${base}/ng/#` };
}
function checkTransport(url, input, expected) {
    if (!isHttp(url)) {
        throw new SettingError(input, `${expected}; only https:// URLs are accepted`);
    }
    if (url.username || url.password) {
        throw new SettingError(input, `${expected}; credentials in the URL are not accepted`);
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        throw new SettingError(input, `${HTTPS_RULE}; ${expected}`);
    }
}
function isHttp(url) {
    return url.protocol === 'https:' || url.protocol === 'http:';
}
function parseAbsoluteUrl(text) {
    try {
        return new URL(text);
    }
    catch {
        return undefined;
    }
}
function pathSegments(url) {
    return url.pathname.split('/').filter(segment => segment !== '');
}
function indexOfSequence(segments, sequence) {
    for (let start = 0; start + sequence.length <= segments.length; start++) {
        if (sequence.every((part, offset) => segments[start + offset] === part))
            return start;
    }
    return -1;
}
function safeDecode(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return undefined;
    }
}
function scopeQuery(scope) {
    return [
        ['accountIdentifier', scope.accountId],
        ['orgIdentifier', scope.orgId],
        ['projectIdentifier', scope.projectId]
    ];
}
function queryString(pairs) {
    return pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
}

;// CONCATENATED MODULE: ./src/harness/envelope.ts

function readEnvelope(response, requestUrl) {
    if (response.status >= 300 && response.status < 400) {
        return { kind: 'redirect', locationOrigin: originOf(response.headers.location, requestUrl) };
    }
    let parsed;
    try {
        parsed = JSON.parse(response.body);
    }
    catch {
        return { kind: 'not-json' };
    }
    if (!isRecord(parsed))
        return { kind: 'not-an-object' };
    const envelopeStatus = textField(parsed.status);
    if (isSuccessStatus(response.status) && envelopeStatus === 'SUCCESS') {
        return { kind: 'success', data: parsed.data };
    }
    return {
        kind: 'failure',
        envelopeStatus,
        code: textField(parsed.code),
        message: textField(parsed.message) ?? firstResponseMessage(parsed.responseMessages)
    };
}
function describeUnsuccessfulAnswer(response, reading, redact) {
    const http = `HTTP ${response.status}`;
    switch (reading.kind) {
        case 'redirect': {
            const to = reading.locationOrigin ? ` to ${reading.locationOrigin}` : '';
            return `Harness answered with a redirect (${http}${to}); redirects are not followed`;
        }
        case 'not-json':
            return `Harness answered ${http}${statusHint(response.status)} ${bodyDescription(response.body, 'with a body that is not JSON', redact)}`;
        case 'not-an-object':
            return `Harness answered ${http} with JSON that is not the expected object: ${excerpt(response.body, redact)}`;
        case 'failure':
            return describeFailure(response, reading, redact);
    }
}
function describeShapeProblem(response, missing, redact) {
    return `Harness answered HTTP ${response.status} SUCCESS, but not in the expected shape (${missing}): ${excerpt(response.body, redact)}`;
}
const MESSAGE_LIMIT = 500;
const EXCERPT_LIMIT = 200;
function describeFailure(response, reading, redact) {
    const envelope = isSuccessStatus(response.status) && reading.envelopeStatus
        ? ` (status ${reading.envelopeStatus})`
        : '';
    const head = `Harness answered HTTP ${response.status}${envelope}${statusHint(response.status)}`;
    if (!reading.code && !reading.message) {
        return `${head} ${bodyDescription(response.body, 'without an error code or message', redact)}`;
    }
    const code = reading.code ? ` ${singleLine(redact(reading.code), 100)}` : '';
    const message = reading.message ? `: ${singleLine(redact(reading.message), MESSAGE_LIMIT)}` : '';
    return `${head}${code}${message}`;
}
function bodyDescription(body, what, redact) {
    return body.trim() === '' ? 'with an empty body' : `${what}: ${excerpt(body, redact)}`;
}
function statusHint(status) {
    return status === 429 ? ' (too many requests)' : '';
}
function excerpt(body, redact) {
    return singleLine(redact(body), EXCERPT_LIMIT);
}
function singleLine(text, limit) {
    const flat = text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
    return shorten(flat, limit);
}
function originOf(location, requestUrl) {
    if (!location)
        return undefined;
    try {
        const origin = new URL(location, requestUrl).origin;
        return origin === 'null' ? undefined : origin;
    }
    catch {
        return undefined;
    }
}
function firstResponseMessage(value) {
    if (!Array.isArray(value))
        return undefined;
    for (const entry of value) {
        const message = isRecord(entry) ? textField(entry.message) : undefined;
        if (message)
            return message;
    }
    return undefined;
}
function isSuccessStatus(status) {
    return status >= 200 && status < 300;
}

function textField(value) {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

;// CONCATENATED MODULE: ./src/harness/answer-redaction.ts
function redactStrings(value, redact) {
    if (typeof value === 'string')
        return redact(value);
    const pending = [value];
    while (pending.length > 0) {
        const node = pending.pop();
        if (typeof node !== 'object' || node === null)
            continue;
        const entries = node;
        for (const key of Object.keys(entries)) {
            const field = entries[key];
            if (typeof field === 'string')
                entries[key] = redact(field);
            else if (typeof field === 'object' && field !== null)
                pending.push(field);
        }
    }
    return value;
}

;// CONCATENATED MODULE: ./src/harness/client-shapes.ts


class ShapeProblem extends Error {
    constructor(missing) {
        super(missing);
        this.name = 'ShapeProblem';
    }
}
function webhookAcceptedFrom(data) {
    const bareId = textField(data);
    if (bareId)
        return { eventCorrelationId: bareId, apiUrl: '', uiUrl: '', uiSetupUrl: '' };
    const answer = recordOrFail(data, 'no data object');
    const eventCorrelationId = textField(answer.eventCorrelationId);
    if (!eventCorrelationId)
        throw new ShapeProblem('no data.eventCorrelationId');
    return {
        eventCorrelationId,
        apiUrl: httpUrlField(answer.apiUrl) ?? '',
        uiUrl: httpUrlField(answer.uiUrl) ?? '',
        uiSetupUrl: httpUrlField(answer.uiSetupUrl) ?? ''
    };
}
function processingDetailsFrom(data, redact) {
    return processingFrom(data, 'data', redact);
}
function eventDetailsFrom(data, redact) {
    const root = recordOrFail(data, 'no data object');
    const details = processingFrom(root.webhookProcessingDetails, 'data.webhookProcessingDetails', redact);
    if (details.pending && details.status === undefined)
        return details;
    const summary = record(record(root.executionDetails)?.pipelineExecutionSummary);
    return withoutUndefined({
        ...details,
        executionUrl: httpUrlField(root.executionUrl),
        executionStatus: textField(summary?.status)
    });
}
function processingFrom(processing, where, redact) {
    if (!isRecord(processing))
        throw new ShapeProblem(`no ${where}`);
    if (processing.eventFound === false)
        return { pending: true };
    if (processing.eventFound !== true && typeof processing.status !== 'string') {
        throw new ShapeProblem(`no ${where}.status`);
    }
    const status = textField(processing.status);
    return withoutUndefined({
        pending: status === undefined || status === 'QUEUED',
        status,
        message: redacted(processing.message, redact),
        warningMsg: redacted(processing.warningMsg, redact),
        pipelineExecutionId: textField(processing.pipelineExecutionId)
    });
}
function eventHistoryFrom(data, redact) {
    const content = recordOrFail(data, 'no data object').content;
    if (!Array.isArray(content))
        throw new ShapeProblem('no data.content list');
    return content.filter(isRecord).map(entry => withoutUndefined({
        finalStatus: textField(entry.finalStatus),
        message: redacted(entry.message, redact),
        planExecutionId: textField(record(entry.targetExecutionSummary)?.planExecutionId)
    }));
}
function executionSummaryFrom(data, planExecutionId, redact) {
    const root = recordOrFail(data, 'no data object');
    const summary = root.pipelineExecutionSummary;
    if (!isRecord(summary))
        throw new ShapeProblem('no data.pipelineExecutionSummary');
    const status = textField(summary.status);
    if (!status)
        throw new ShapeProblem('no data.pipelineExecutionSummary.status');
    const modules = Array.isArray(summary.modules)
        ? summary.modules.filter((module) => typeof module === 'string')
        : undefined;
    return withoutUndefined({
        status,
        planExecutionId: textField(summary.planExecutionId) ?? planExecutionId,
        pipelineIdentifier: textField(summary.pipelineIdentifier),
        name: textField(summary.name),
        runSequence: numberField(summary.runSequence),
        startTs: timestampField(summary.startTs),
        endTs: timestampField(summary.endTs),
        modules,
        failureMessage: redacted(record(summary.failureInfo)?.message, redact),
        executionUrl: httpUrlField(summary.executionUrl) ?? httpUrlField(root.executionUrl),
        stages: stagesFrom(summary.layoutNodeMap, redact)
    });
}
function stagesFrom(layoutNodeMap, redact) {
    if (!isRecord(layoutNodeMap))
        return [];
    const stages = [];
    for (const [key, node] of Object.entries(layoutNodeMap)) {
        if (!isRecord(node) || !looksLikeStage(node))
            continue;
        const name = textField(node.name);
        const status = textField(node.status);
        if (!name || !status)
            continue;
        stages.push(withoutUndefined({
            nodeUuid: textField(node.nodeUuid) ?? key,
            name,
            status,
            startTs: timestampField(node.startTs),
            endTs: timestampField(node.endTs),
            failureMessage: redacted(record(node.failureInfo)?.message, redact)
        }));
    }
    return stages;
}
function looksLikeStage(node) {
    const group = textField(node.nodeGroup);
    if (group && group.toUpperCase() !== 'STAGE')
        return false;
    return !isParallelWrapper(node);
}
function isParallelWrapper(node) {
    if (textField(node.nodeType)?.toLowerCase() === 'parallel')
        return true;
    const children = record(node.edgeLayoutList)?.currentNodeChildren;
    return Array.isArray(children) && children.length > 0;
}
function recordOrFail(value, missing) {
    if (!isRecord(value))
        throw new ShapeProblem(missing);
    return value;
}
function record(value) {
    return isRecord(value) ? value : undefined;
}
function redacted(value, redact) {
    const text = textField(value);
    return text === undefined ? undefined : redact(text);
}
function httpUrlField(value) {
    const text = textField(value);
    if (text === undefined)
        return undefined;
    try {
        const { protocol } = new URL(text);
        return protocol === 'https:' || protocol === 'http:' ? text : undefined;
    }
    catch {
        return undefined;
    }
}
function numberField(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function timestampField(value) {
    const time = numberField(value);
    return time !== undefined && time > 0 ? time : undefined;
}

;// CONCATENATED MODULE: ./src/harness/known-answers.ts

const RETIRED_URL = /no longer supported for newly created custom webhook triggers/i;
const BRANCH_UNRESOLVED = /has the right branch information|missing or empty pipelineBranchName/i;
const EXECUTE_PERMISSION = 'core_pipeline_execute';
function retiredWebhookUrl(status, message) {
    return status === 400 && RETIRED_URL.test(message ?? '');
}
function isBranchUnresolved(status, message) {
    return status === 'INVALID_RUNTIME_INPUT_YAML' && BRANCH_UNRESOLVED.test(message ?? '');
}
function deniedPermission(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return EXECUTE_PERMISSION;
    }
    if (!isRecord(parsed))
        return EXECUTE_PERMISSION;
    const checks = Array.isArray(parsed.failedPermissionChecks) ? parsed.failedPermissionChecks : [];
    const checked = checks.find(isRecord);
    const named = textField(checked?.permission);
    if (named && /^core_[a-z_]+$/.test(named))
        return named;
    const said = /Missing permission (core_[a-z_]+)/.exec(textField(parsed.message) ?? '');
    return said?.[1] ?? EXECUTE_PERMISSION;
}

;// CONCATENATED MODULE: ./src/harness/backoff.ts
function doubledDelay(attempt, baseMs, capMs = Infinity) {
    return Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
}
function withJitter(ms, spread, random) {
    const r = random();
    const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0.5;
    return Math.round(ms * (1 - spread + 2 * spread * unit));
}

;// CONCATENATED MODULE: ./src/harness/client.ts








class HarnessApiError extends Error {
    httpStatus;
    code;
    retryable;
    known;
    constructor(message, httpStatus, code, retryable, known) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryable = retryable;
        this.known = known;
        this.name = 'HarnessApiError';
    }
}
class TriggerNotSent extends Error {
    attempts;
    constructor(attempts) {
        super(attempts === 0
            ? 'Cancelled before the trigger was sent: nothing was deployed.'
            : `Cancelled during the backoff before retry ${attempts}: Harness did not take the trigger, and it was not sent again.`);
        this.attempts = attempts;
        this.name = 'TriggerNotSent';
    }
}
const KiB = 1024;
const MiB = 1024 * KiB;
const DEFAULT_TIMEOUT_MS = 30_000;
const WEBHOOK_ANSWER_LIMIT = 256 * KiB;
const STATUS_ANSWER_LIMIT = 8 * MiB;
const HISTORY_ANSWER_LIMIT = 16 * MiB;
const EXECUTION_ANSWER_LIMIT = 32 * MiB;
const DETAILS_ANSWER_LIMIT = EXECUTION_ANSWER_LIMIT + STATUS_ANSWER_LIMIT;
const ABORT_ANSWER_LIMIT = MiB;
const MAX_POST_RETRIES = 3;
const NOT_RETRIED = 'Harness may have taken the trigger, so it was not sent again, and a rerun may deploy twice: ' +
    "check the pipeline's executions in Harness before running this again.";
class HarnessClient {
    options;
    eventStatusRoute = 'processing';
    constructor(options) {
        this.options = options;
        options.redactor.add(options.apiKey);
    }
    async fireWebhook(webhookUrl, body, options = {}) {
        const { cancelSignal, inFlightSignal } = options;
        for (let attempt = 1;; attempt++) {
            await new Promise(resolve => setImmediate(resolve));
            if (cancelSignal?.aborted)
                throw new TriggerNotSent(attempt - 1);
            this.options.debug?.(`Sending the trigger (attempt ${attempt} of ${MAX_POST_RETRIES + 1}).`);
            const retriesLeft = attempt <= MAX_POST_RETRIES;
            let response;
            try {
                response = await this.exchange('POST', webhookUrl, WEBHOOK_ANSWER_LIMIT, body, {
                    signal: inFlightSignal
                });
            }
            catch (error) {
                if (isRefusedConnection(error) && retriesLeft) {
                    await this.backOff(attempt, 'connection refused', cancelSignal);
                    continue;
                }
                throw webhookNetworkFailure(error, attempt);
            }
            if (response.status === 429 && retriesLeft) {
                await this.backOff(attempt, 'HTTP 429, too many requests', cancelSignal);
                continue;
            }
            return this.acceptedFrom(response, webhookUrl, attempt);
        }
    }
    async getEventDetails(accountId, eventId, call) {
        for (;;) {
            const route = this.eventStatusRoute;
            const url = eventStatusUrl(this.options.endpoint, accountId, eventId, route);
            const limit = route === 'processing' ? STATUS_ANSWER_LIMIT : DETAILS_ANSWER_LIMIT;
            const response = await this.exchange('GET', url, limit, undefined, call);
            const next = NEXT_STATUS_ROUTE[route];
            if (isRouteMissing(response) && next) {
                this.eventStatusRoute = next;
                this.log(`Harness has no ${STATUS_ROUTE_NAMES[route]} (HTTP ${response.status}); using ${STATUS_ROUTE_NAMES[next]}`);
                continue;
            }
            const reading = readEnvelope(response, url);
            if (isHistoryNotYetWritten(response, reading))
                return { pending: true };
            return this.mapped(response, reading, data => route === 'processing'
                ? processingDetailsFrom(data, this.redact)
                : eventDetailsFrom(data, this.redact));
        }
    }
    async getEventHistory(accountId, eventId, call) {
        const url = eventHistoryUrl(this.options.endpoint, accountId, eventId);
        const response = await this.exchange('GET', url, HISTORY_ANSWER_LIMIT, undefined, call);
        return this.mapped(response, readEnvelope(response, url), data => eventHistoryFrom(data, this.redact));
    }
    async getExecution(scope, planExecutionId, call) {
        const url = executionApiUrl(this.options.endpoint, scope, planExecutionId);
        const response = await this.exchange('GET', url, EXECUTION_ANSWER_LIMIT, undefined, call);
        return this.mapped(response, readEnvelope(response, url), data => executionSummaryFrom(data, planExecutionId, this.redact));
    }
    async abortExecution(scope, planExecutionId, call) {
        const url = abortUrl(this.options.endpoint, scope, planExecutionId);
        const response = await this.exchange('PUT', url, ABORT_ANSWER_LIMIT, undefined, call);
        const reading = readEnvelope(response, url);
        if (reading.kind === 'success')
            return 'aborted';
        if (reading.kind === 'failure') {
            if (reading.code === 'ABORT_ALL_ALREADY_NG')
                return 'already-aborting';
            if (response.status === 400 && /already finished/i.test(reading.message ?? '')) {
                return 'already-finished';
            }
        }
        if (response.status === 403) {
            throw this.apiError(response, reading, {
                kind: 'abort-denied',
                permission: deniedPermission(response.body)
            });
        }
        throw this.apiError(response, reading);
    }
    redact = (text) => this.options.redactor.redact(text);
    log(line) {
        this.options.log?.(this.redact(line));
    }
    async exchange(method, url, maxResponseBytes, body, call = {}) {
        const { apiKey, endpoint, requestTimeoutMs, send = sendRequest } = this.options;
        const headers = {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'User-Agent': 'harness-trigger'
        };
        if (apiKey && isSameOrigin(endpoint, url))
            headers['X-Api-Key'] = apiKey;
        const timeoutMs = Math.min(call.timeoutMs ?? Infinity, requestTimeoutMs ?? DEFAULT_TIMEOUT_MS);
        const { signal } = call;
        try {
            return await send({ method, url, headers, body, timeoutMs, maxResponseBytes, signal });
        }
        catch (error) {
            if (error instanceof NetworkError) {
                throw new NetworkError(this.redact(error.message), error.kind, error.mayHaveReached);
            }
            throw new Error(this.redact(messageOf(error)));
        }
    }
    async backOff(attempt, reason, signal) {
        const base = this.options.postRetryBaseMs ?? 1000;
        const delay = withJitter(doubledDelay(attempt, base), 0.25, this.options.random ?? Math.random);
        this.log(`Harness did not take the trigger (${reason}); ` +
            `retry ${attempt} of ${MAX_POST_RETRIES} in ${(delay / 1000).toFixed(1)} s`);
        const sleep = this.options.sleep ?? cancellableSleep;
        await sleep(delay, signal);
    }
    acceptedFrom(response, url, attempts) {
        const reading = readEnvelope(response, url);
        if (reading.kind !== 'success') {
            const error = this.apiError(response, reading);
            let message = error.message;
            if (response.status >= 500)
                message = withSentence(message, NOT_RETRIED);
            else if (response.status === 429)
                message += ` (gave up after ${attempts} attempts)`;
            const retired = reading.kind === 'failure' && retiredWebhookUrl(response.status, reading.message);
            const known = retired ? { kind: 'webhook-url-retired' } : undefined;
            throw new HarnessApiError(message, error.httpStatus, error.code, error.retryable, known);
        }
        return this.shaped(response, () => redactStrings(webhookAcceptedFrom(reading.data), this.redact));
    }
    mapped(response, reading, map) {
        if (reading.kind !== 'success')
            throw this.apiError(response, reading);
        return this.shaped(response, () => redactStrings(map(reading.data), this.redact));
    }
    shaped(response, map) {
        try {
            return map();
        }
        catch (error) {
            if (!(error instanceof ShapeProblem))
                throw error;
            const message = describeShapeProblem(response, error.message, this.redact);
            throw new HarnessApiError(message, response.status, undefined, false);
        }
    }
    apiError(response, reading, known) {
        const message = describeUnsuccessfulAnswer(response, reading, this.redact);
        const code = reading.kind === 'failure' ? reading.code : undefined;
        const retryable = response.status === 429 || response.status >= 500;
        return new HarnessApiError(message, response.status, code && this.redact(code), retryable, known);
    }
}
function cancellableSleep(ms, signal) {
    return new Promise(resolve => {
        if (signal?.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
function isCancelledRequest(error) {
    return error instanceof NetworkError && error.kind === 'cancelled';
}
const NEXT_STATUS_ROUTE = {
    processing: 'v2',
    v2: 'v1',
    v1: undefined
};
const STATUS_ROUTE_NAMES = {
    processing: 'triggerProcessingDetails',
    v2: 'triggerExecutionDetailsV2',
    v1: 'triggerExecutionDetails'
};
function eventStatusUrl(endpoint, accountId, eventId, route) {
    if (route === 'processing')
        return processingDetailsUrl(endpoint, accountId, eventId);
    return eventDetailsUrl(endpoint, accountId, eventId, route);
}
function isRouteMissing(response) {
    return response.status === 404 || response.status === 405;
}
function isRefusedConnection(error) {
    return (error instanceof NetworkError && error.kind === 'connection-refused' && !error.mayHaveReached);
}
function webhookNetworkFailure(error, attempts) {
    if (!(error instanceof NetworkError))
        return error;
    if (error.mayHaveReached) {
        return new NetworkError(withSentence(error.message, NOT_RETRIED), error.kind, true);
    }
    if (error.kind === 'connection-refused') {
        const message = `${error.message} (gave up after ${attempts} attempts)`;
        return new NetworkError(message, error.kind, error.mayHaveReached);
    }
    return error;
}
function withSentence(message, sentence) {
    return `${message.replace(/[.\s]+$/, '')}. ${sentence}`;
}
function isHistoryNotYetWritten(response, reading) {
    if (response.status !== 400 || reading.kind !== 'failure' || !reading.message)
        return false;
    return /history/i.test(reading.message) && /(doesn't|does not) exist/i.test(reading.message);
}

;// CONCATENATED MODULE: ./src/core/client.ts

function harnessClientFor(settings, world) {
    const never = new AbortController().signal;
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
    });
}

;// CONCATENATED MODULE: ./src/core/describe.ts
function describeTarget(settings) {
    const { ids, endpoint, image, webhookVersion } = settings;
    const artifact = [
        image.image ? `image ${image.image} (${image.imageSource})` : 'no image',
        image.tag ? `tag ${image.tag} (${image.tagSource})` : 'no tag',
        image.digest ? `digest ${image.digest}` : undefined
    ]
        .filter(Boolean)
        .join(', ');
    return (`Firing trigger '${ids.triggerId}' of pipeline '${ids.pipelineId}' ` +
        `(${ids.orgId}/${ids.projectId}) at ${endpoint.origin} through the ${webhookVersion} webhook; ${artifact}.`);
}

;// CONCATENATED MODULE: ./src/core/fire.ts


const POST_GRACE_AFTER_CANCEL_MS = 1500;
async function fireTrigger(request, client) {
    const inFlight = graceAfter(request.cancelSignal, POST_GRACE_AFTER_CANCEL_MS);
    try {
        const accepted = await client.fireWebhook(request.webhookUrl, JSON.stringify(request.body), {
            cancelSignal: request.cancelSignal,
            inFlightSignal: inFlight.signal
        });
        return { outcome: 'accepted', accepted };
    }
    catch (error) {
        if (error instanceof TriggerNotSent)
            return { outcome: 'not-sent', message: error.message };
        if (error instanceof HarnessApiError) {
            return {
                outcome: 'failed',
                message: error.message,
                mayHaveFired: error.httpStatus >= 500,
                httpStatus: error.httpStatus,
                error
            };
        }
        if (error instanceof NetworkError) {
            return {
                outcome: 'failed',
                message: error.message,
                mayHaveFired: error.mayHaveReached,
                error
            };
        }
        throw error;
    }
    finally {
        inFlight.dispose();
    }
}
function graceAfter(signal, graceMs) {
    const controller = new AbortController();
    let timer;
    const start = () => {
        timer = setTimeout(() => controller.abort(), graceMs);
    };
    if (signal.aborted)
        start();
    else
        signal.addEventListener('abort', start, { once: true });
    return {
        signal: controller.signal,
        dispose: () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', start);
        }
    };
}

;// CONCATENATED MODULE: ./src/core/names.ts
const Setting = {
    WebhookUrl: 'webhook-url',
    HarnessUrl: 'harness-url',
    AccountId: 'account-id',
    OrgId: 'org-id',
    ProjectId: 'project-id',
    PipelineId: 'pipeline-id',
    TriggerId: 'trigger-id',
    WebhookToken: 'webhook-token',
    ApiKey: 'api-key',
    Image: 'image',
    Tag: 'tag',
    BuildOutputs: 'build-outputs',
    Payload: 'payload',
    Wait: 'wait',
    Timeout: 'timeout',
    PollInterval: 'poll-interval',
    AbortOnCancel: 'abort-on-cancel',
    AbortOnTimeout: 'abort-on-timeout'
};
const Outputs = {
    EventCorrelationId: 'eventCorrelationId',
    UiUrl: 'uiUrl',
    ApiUrl: 'apiUrl',
    UiSetupUrl: 'uiSetupUrl',
    WebhookStatus: 'webhookStatus',
    ExecutionId: 'executionId',
    ExecutionUrl: 'executionUrl',
    Status: 'status'
};

;// CONCATENATED MODULE: ./src/core/secret-forms.ts
const MIN_FORM_LENGTH = 3;
const MIN_BASE64_RUN_BYTES = 6;
function secretForms(secret) {
    const forms = new Set();
    for (const value of valuesOf(secret)) {
        forms.add(value);
        for (const form of base64Forms(value))
            forms.add(form);
        for (const form of urlForms(value))
            forms.add(form);
        for (const form of jsonForms(value))
            forms.add(form);
        forms.add(xmlEscaped(value));
        forms.add(value.replace(/'/g, "''"));
    }
    return [...forms].filter(form => form.length >= MIN_FORM_LENGTH);
}
function valuesOf(secret) {
    const values = new Set([secret, secret.trim()]);
    for (const line of secret.split(/\r\n|\r|\n/))
        values.add(line).add(line.trim());
    for (const value of [...values]) {
        if (value.length > 8 && value.startsWith('"') && value.endsWith('"'))
            values.add(value.slice(1, -1));
    }
    values.delete('');
    return [...values];
}
function base64Forms(value) {
    const bytes = Buffer.from(value, 'utf8');
    const forms = [];
    for (const offset of [0, 1, 2]) {
        const shifted = bytes.length > offset ? bytes.subarray(offset) : bytes;
        forms.push(shifted.toString('base64'));
        const whole = shifted.subarray(0, shifted.length - (shifted.length % 3));
        if (whole.length >= MIN_BASE64_RUN_BYTES) {
            forms.push(whole.toString('base64'), whole.toString('base64url'));
        }
    }
    return forms;
}
function urlForms(value) {
    const component = encodeURIComponent(value);
    const rfc3986 = component.replace(/[!'()*]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
    const form = new URLSearchParams({ v: value }).toString().slice(2);
    const forms = [component, rfc3986, form];
    return [...forms, ...forms.map(text => text.replace(/%[0-9A-F]{2}/g, hex => hex.toLowerCase()))];
}
function jsonForms(value) {
    const plain = JSON.stringify(value).slice(1, -1);
    const unicodeEscaped = plain.replace(/[^\x20-\x7e]|[<>&='/]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return [plain, plain.replace(/\//g, '\\/'), unicodeEscaped];
}
function xmlEscaped(value) {
    const entities = {
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&apos;'
    };
    return value.replace(/[&<>"']/g, char => entities[char]);
}

;// CONCATENATED MODULE: ./src/core/redactor.ts

const MASK = '***';
class Redactor {
    mask;
    forms = new Set();
    constructor(mask = () => { }) {
        this.mask = mask;
    }
    add(secret) {
        if (!secret)
            return;
        for (const form of secretForms(secret)) {
            if (this.forms.has(form))
                continue;
            this.forms.add(form);
            this.mask(form);
        }
    }
    redact(text) {
        let result = text;
        for (let round = 0; round < 4; round++) {
            const stretches = occurrences(result, this.forms);
            if (stretches.length === 0)
                break;
            result = masked(result, stretches);
        }
        return result;
    }
}
function occurrences(text, forms) {
    const found = [];
    for (const form of forms) {
        for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
            found.push([at, at + form.length]);
        }
    }
    found.sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const stretch of found) {
        const last = merged.at(-1);
        if (last && stretch[0] <= last[1])
            last[1] = Math.max(last[1], stretch[1]);
        else
            merged.push([...stretch]);
    }
    return merged;
}
function masked(text, stretches) {
    let result = '';
    let from = 0;
    for (const [start, end] of stretches) {
        result += text.slice(from, start) + MASK;
        from = end;
    }
    return result + text.slice(from);
}

;// CONCATENATED MODULE: ./src/core/duration.ts


const MS_PER_UNIT = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
const UNIT_ORDER = ['h', 'm', 's', 'ms'];
const MAX_DURATION_MS = 5 * 24 * MS_PER_UNIT.h;
const ACCEPTED_FORMS = 'a duration such as 500ms, 90s, 15m, 1h, 1h30m or 1m 30s (units h, m, s, ms), or plain seconds such as 45 or 2.5';
const PLAIN_SECONDS = /^\d+(?:\.\d+)?$/;
const COMPONENT = /(\d+(?:\.\d+)?)\s*(ms|h|m|s)\s*/gy;
function parseDuration(input, raw) {
    const text = raw.trim().toLowerCase();
    const ms = PLAIN_SECONDS.test(text) ? Number(text) * MS_PER_UNIT.s : parseCompound(text);
    if (ms === undefined) {
        throw new SettingError(input, `expected ${ACCEPTED_FORMS}; got ${quote(raw.trim())}`);
    }
    const rounded = Math.round(ms);
    if (rounded < 1) {
        throw new SettingError(input, `must be longer than zero: expected ${ACCEPTED_FORMS}`);
    }
    if (rounded > MAX_DURATION_MS) {
        throw new SettingError(input, `must be at most ${formatDuration(MAX_DURATION_MS)} (5 days)`);
    }
    return rounded;
}
function parseCompound(text) {
    if (text === '')
        return undefined;
    let total = 0;
    let position = 0;
    let previousUnitIndex = -1;
    COMPONENT.lastIndex = 0;
    while (position < text.length) {
        const match = COMPONENT.exec(text);
        if (!match)
            return undefined;
        const unitIndex = UNIT_ORDER.indexOf(match[2]);
        if (unitIndex <= previousUnitIndex)
            return undefined;
        previousUnitIndex = unitIndex;
        total += Number(match[1]) * MS_PER_UNIT[match[2]];
        position = COMPONENT.lastIndex;
    }
    return total;
}
function quote(value) {
    if (value === '')
        return 'an empty value';
    return `'${shorten(value, 41)}'`;
}
function formatDuration(ms) {
    let rest = Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0;
    if (rest === 0)
        return '0ms';
    const parts = [];
    for (const unit of UNIT_ORDER) {
        const count = Math.floor(rest / MS_PER_UNIT[unit]);
        rest -= count * MS_PER_UNIT[unit];
        if (count > 0)
            parts.push(`${count}${unit}`);
    }
    return parts.join(' ');
}
function formatElapsed(ms) {
    return formatDuration(ms >= 1000 ? Math.round(ms / 1000) * 1000 : ms);
}

;// CONCATENATED MODULE: ./src/core/image.ts



const TAG_PATTERN = /^[\w][\w.-]{0,127}$/;
const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;
const REGISTRY_PATTERN = /^(?:(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*|\[[A-Fa-f0-9:.]+\])(?::\d{1,5})?$/;
const PATH_COMPONENT_PATTERN = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 255;
function cutImageReference(text) {
    const at = text.indexOf('@');
    const nameAndTag = at < 0 ? text : text.slice(0, at);
    const digest = at < 0 ? undefined : text.slice(at + 1);
    const colon = nameAndTag.lastIndexOf(':');
    const hasTag = colon > nameAndTag.lastIndexOf('/');
    return {
        name: hasTag ? nameAndTag.slice(0, colon) : nameAndTag,
        ...(hasTag ? { tag: nameAndTag.slice(colon + 1) } : {}),
        ...(digest === undefined ? {} : { digest })
    };
}
function splitImageReference(reference) {
    const text = reference.trim();
    if (text === '')
        throw new Error('the image reference is empty');
    const { name: image, tag, digest } = cutImageReference(text);
    if (digest !== undefined && !DIGEST_PATTERN.test(digest)) {
        throw new Error('the digest after @ must be sha256: followed by 64 lower-case hex digits');
    }
    if (tag !== undefined && !TAG_PATTERN.test(tag))
        throw new Error(TAG_RULE_PROBLEM);
    checkImageName(image);
    return {
        image,
        ...(tag === undefined ? {} : { tag }),
        ...(digest === undefined ? {} : { digest })
    };
}
const TAG_RULE_PROBLEM = 'a tag must be a letter, digit or _ followed by up to 127 letters, digits, _, . or -';
function checkImageName(image) {
    if (image === '')
        throw new Error('the image name is empty');
    if (image.length > MAX_NAME_LENGTH) {
        throw new Error(`the image name is longer than ${MAX_NAME_LENGTH} characters`);
    }
    const components = image.split('/');
    const first = components[0];
    const hasRegistry = components.length > 1 && (/[.:]/.test(first) || first === 'localhost');
    if (hasRegistry && !REGISTRY_PATTERN.test(first)) {
        throw new Error('the registry part must be a host name with an optional :port');
    }
    const path = hasRegistry ? components.slice(1) : components;
    for (const component of path) {
        if (PATH_COMPONENT_PATTERN.test(component))
            continue;
        if (PATH_COMPONENT_PATTERN.test(component.toLowerCase())) {
            throw new Error('the repository path must be lower-case (registries reject upper-case names)');
        }
        throw new Error('each part of the repository path must be lower-case letters and digits, separated by ., _, __ or -');
    }
}
function resolveImage(sources) {
    const ordered = [
        ['input', fromInputs(sources.imageInput, sources.tagInput)],
        ['build-outputs', fromBuildOutputs(sources.buildOutputs)],
        [
            'docker/metadata-action',
            fromDockerMetadata(sources.dockerMetadataJson, sources.dockerMetadataVersion)
        ],
        ['commit SHA', { tag: nonEmpty(sources.sha) }]
    ];
    const image = firstWith(ordered, 'image');
    const tag = firstWith(ordered, 'tag');
    const digest = digestBeside(ordered, [image?.source, tag?.source]);
    return {
        ...(image && { image: image.value, imageSource: image.source }),
        ...(tag && { tag: tag.value, tagSource: tag.source }),
        ...(digest && { digest: digest.value, digestSource: digest.source }),
        imageFromInput: image?.source === 'input',
        tagFromInput: tag?.source === 'input'
    };
}
function firstWith(ordered, field) {
    for (const [source, candidate] of ordered) {
        const value = candidate[field];
        if (value !== undefined)
            return { value, source };
    }
    return undefined;
}
function digestBeside(ordered, sources) {
    for (const source of sources) {
        const value = ordered.find(([name]) => name === source)?.[1].digest;
        if (source !== undefined && value !== undefined)
            return { value, source };
    }
    return undefined;
}
function fromInputs(imageInput, tagInput) {
    const reference = nonEmpty(imageInput);
    const split = reference === undefined ? undefined : splitOrFail(Setting.Image, reference);
    const tag = nonEmpty(tagInput);
    if (tag !== undefined && !TAG_PATTERN.test(tag)) {
        throw new SettingError(Setting.Tag, `${TAG_RULE_PROBLEM}; got '${shorten(tag, 81)}'`);
    }
    if (tag !== undefined && split?.tag !== undefined && split.tag !== tag) {
        throw new SettingError(Setting.Tag, `'${tag}' disagrees with the tag '${split.tag}' inside the image input; give the tag in one place only`);
    }
    return { ...split, tag: tag ?? split?.tag };
}
function splitOrFail(input, reference, what = 'an image reference') {
    try {
        return splitImageReference(reference);
    }
    catch (error) {
        throw new SettingError(input, `expected ${what} such as ghcr.io/acme/api, ghcr.io/acme/api:1.4.2 or localhost:5000/app@sha256:<64 hex>; ` +
            `${error.message}; got '${shorten(reference, 81)}'`);
    }
}
const IMAGE_KEYS = ['image', 'imagename', 'imageref'];
const TAG_KEYS = ['tag', 'imagetag'];
const VERSION_KEYS = ['version'];
const TAGS_KEYS = ['tags'];
const DIGEST_KEYS = ['digest', 'imagedigest'];
function fromBuildOutputs(outputs) {
    if (!outputs)
        return {};
    const value = keyReader(outputs);
    const imageKey = value(IMAGE_KEYS);
    const listed = imageKey ? undefined : firstListedReference(value(TAGS_KEYS));
    const reference = imageKey ?? listed;
    const split = reference
        ? splitOrFail(Setting.BuildOutputs, reference.value, `key '${reference.key}' to hold an image reference`)
        : undefined;
    const tagInImageKey = imageKey ? split?.tag : undefined;
    const tagInList = listed && split?.tag !== undefined ? { key: listed.key, value: split.tag } : undefined;
    const tag = agreed('tag', value(TAG_KEYS), tagInImageKey, imageKey?.key) ?? value(VERSION_KEYS) ?? tagInList;
    if (tag && !TAG_PATTERN.test(tag.value)) {
        throw new SettingError(Setting.BuildOutputs, `key '${tag.key}': ${TAG_RULE_PROBLEM}; got '${shorten(tag.value, 81)}'`);
    }
    const digestKey = value(DIGEST_KEYS);
    if (digestKey && !DIGEST_PATTERN.test(digestKey.value)) {
        throw new SettingError(Setting.BuildOutputs, `key '${digestKey.key}': expected sha256: followed by 64 lower-case hex digits; got '${shorten(digestKey.value, 81)}'`);
    }
    const digest = agreed('digest', digestKey, split?.digest, reference?.key);
    return { image: split?.image, tag: tag?.value, digest: digest?.value };
}
function keyReader(outputs) {
    const byAlias = new Map();
    for (const [key, raw] of Object.entries(outputs)) {
        const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
        const alias = key.toLowerCase().replace(/[-_]/g, '');
        if (value !== '' && !byAlias.has(alias))
            byAlias.set(alias, { key, value });
    }
    return aliases => aliases.map(alias => byAlias.get(alias)).find(found => found !== undefined);
}
function agreed(what, explicit, fromReference, referenceKey) {
    if (explicit && fromReference !== undefined && explicit.value !== fromReference) {
        throw new SettingError(Setting.BuildOutputs, `key '${explicit.key}' says ${what} '${shorten(explicit.value, 81)}' but key '${referenceKey}' holds '${shorten(fromReference, 81)}'; they must agree`);
    }
    if (explicit)
        return explicit;
    return fromReference === undefined || referenceKey === undefined
        ? undefined
        : { key: referenceKey, value: fromReference };
}
function firstListedReference(list) {
    if (!list)
        return undefined;
    const first = list.value
        .split(/[\n,]/)
        .map(item => item.trim())
        .find(item => item !== '');
    if (first === undefined)
        return undefined;
    return cutImageReference(first).tag !== undefined ? { key: list.key, value: first } : undefined;
}
function fromDockerMetadata(json, version) {
    const firstReference = firstDockerMetadataTag(json);
    const versionTag = nonEmpty(version);
    const tag = versionTag !== undefined && TAG_PATTERN.test(versionTag) ? versionTag : firstReference?.tag;
    return { image: firstReference?.image, tag };
}
function firstDockerMetadataTag(json) {
    if (!nonEmpty(json))
        return undefined;
    try {
        const parsed = JSON.parse(json);
        const tags = parsed?.tags;
        const first = Array.isArray(tags) ? tags.find(item => typeof item === 'string') : undefined;
        return typeof first === 'string' ? splitImageReference(first) : undefined;
    }
    catch {
        return undefined;
    }
}
function nonEmpty(value) {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}

;// CONCATENATED MODULE: ./src/core/json-limits.ts
const MAX_JSON_DEPTH = 64;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
function jsonLimitProblem(text) {
    let depth = 0;
    for (let at = 0; at < text.length; at++) {
        const char = text[at];
        if (char === '"') {
            at = endOfString(text, at);
        }
        else if (char === '{' || char === '[') {
            depth++;
            if (depth > MAX_JSON_DEPTH)
                return { kind: 'too-deep', depth };
        }
        else if (char === '}' || char === ']') {
            depth--;
        }
        else if (char === '-' || (char >= '0' && char <= '9')) {
            NUMBER.lastIndex = at;
            const literal = NUMBER.exec(text)?.[0];
            if (!literal)
                continue;
            const inexact = inexactNumber(literal);
            if (inexact)
                return inexact;
            at += literal.length - 1;
        }
    }
    return undefined;
}
function endOfString(text, start) {
    for (let at = start + 1; at < text.length; at++) {
        if (text[at] === '\\')
            at++;
        else if (text[at] === '"')
            return at;
    }
    return text.length;
}
function inexactNumber(literal) {
    const value = Number(literal);
    if (!Number.isFinite(value))
        return { kind: 'inexact-number', literal, becomes: 'null' };
    const sent = JSON.stringify(value);
    return sameDecimal(literal, sent) ? undefined : { kind: 'inexact-number', literal, becomes: sent };
}
function sameDecimal(a, b) {
    const [x, y] = [canonical(a), canonical(b)];
    return x.digits === y.digits && x.exponent === y.exponent && x.negative === y.negative;
}
function canonical(literal) {
    const [, sign, whole, fraction = '', exponent = '0'] = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal) ?? [];
    let digits = `${whole}${fraction}`.replace(/^0+/, '');
    if (digits === '')
        return { negative: false, digits: '', exponent: 0 };
    let power = Number(exponent) - fraction.length;
    const trailing = /0+$/.exec(digits)?.[0].length ?? 0;
    digits = digits.slice(0, digits.length - trailing);
    power += trailing;
    return { negative: sign === '-', digits, exponent: power };
}

;// CONCATENATED MODULE: ./src/core/body.ts



function parseJsonObjectInput(input, raw) {
    const text = raw.trim();
    if (text === '')
        throw new SettingError(input, 'expected a JSON object; got an empty value');
    const problem = jsonLimitProblem(text);
    if (problem?.kind === 'too-deep')
        throw new SettingError(input, limitText(problem));
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new SettingError(input, `expected a JSON object, but it is not valid JSON: ${parserReason(error)}`);
    }
    if (!isRecord(parsed)) {
        throw new SettingError(input, `expected a JSON object ({…}); got ${kindOf(parsed)}`);
    }
    if (problem)
        throw new SettingError(input, limitText(problem));
    return parsed;
}
function limitText(problem) {
    if (problem.kind === 'too-deep') {
        return `is nested deeper than ${MAX_JSON_DEPTH} levels of {…} and […]; flatten it`;
    }
    const literal = shorten(problem.literal, 41);
    return (`holds the number ${literal}, which JSON cannot carry exactly (it would be sent as ` +
        `${shorten(problem.becomes, 41)}); ` +
        `quote it to send it as text: "${literal}"`);
}
function parserReason(error) {
    const message = messageOf(error);
    const withoutExcerpt = message.replace(/, ".*"(?:\.\.\.)? is not valid JSON$/s, '');
    const firstLine = withoutExcerpt.split('\n')[0];
    return shorten(firstLine, 121);
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return `a ${typeof value}`;
}
const INPUT_OF_KEY = { image: 'image', tag: 'tag', digest: 'image' };
function buildBody(layers) {
    checkInputsAgreeWithPayload(layers.inputs, layers.payload);
    const body = {};
    if (layers.context) {
        const { key, value, branch } = layers.context;
        setAll(body, { [key]: withoutUndefined(value) });
        if (branch)
            setAll(body, { branch });
    }
    setAll(body, withoutUndefined(layers.derived));
    if (layers.payload)
        setAll(body, layers.payload);
    setAll(body, withoutUndefined(layers.inputs));
    return body;
}
function setAll(target, source) {
    for (const [key, value] of Object.entries(source)) {
        Object.defineProperty(target, key, {
            value,
            enumerable: true,
            writable: true,
            configurable: true
        });
    }
}
function checkInputsAgreeWithPayload(inputs, payload) {
    if (!payload)
        return;
    for (const key of ['image', 'tag', 'digest']) {
        const fromInput = inputs[key];
        if (fromInput === undefined || !Object.hasOwn(payload, key))
            continue;
        if (payload[key] === fromInput)
            continue;
        throw new SettingError(INPUT_OF_KEY[key], `gives ${key} '${fromInput}', but the payload input sets "${key}" to ${describeJson(payload[key])}; set it in one place only`);
    }
}
function describeJson(value) {
    const text = JSON.stringify(value) ?? String(value);
    return shorten(text, 81);
}

;// CONCATENATED MODULE: ./src/core/settings.ts







const MAX_BODY_CHARS = 500_000;
const API_KEY_SHAPE = /^(pat|sat)\.[^.\s]+\.[^.\s]+(\.[^.\s]+)?$/;
function readSettings(sources) {
    const input = (name) => sources.value(name).trim();
    const secret = (name) => {
        const value = input(name);
        sources.redactor.add(value);
        return value || undefined;
    };
    const webhookUrlInput = secret(Setting.WebhookUrl);
    const webhookTokenInput = secret(Setting.WebhookToken);
    const apiKey = secret(Setting.ApiKey);
    const target = webhookUrlInput
        ? targetFromWebhookUrl(webhookUrlInput, webhookTokenInput, input, sources.redactor)
        : targetFromIdentifiers(webhookTokenInput, input);
    const wait = readBoolean(Setting.Wait, input(Setting.Wait), false);
    if (apiKey)
        checkApiKey(apiKey, target.ids.accountId);
    else if (wait) {
        throw new SettingError(Setting.ApiKey, 'required when wait is true: reading the execution needs a Harness API key with Pipeline View (and Execute to abort).');
    }
    const timeoutMs = parseDuration(Setting.Timeout, input(Setting.Timeout) || '30m');
    const pollIntervalMs = parseDuration(Setting.PollInterval, input(Setting.PollInterval) || '10s');
    if (wait && pollIntervalMs > timeoutMs) {
        throw new SettingError(Setting.PollInterval, 'must not be longer than timeout.');
    }
    const { body, image } = composeBody(input, sources);
    return {
        ...target,
        apiKey,
        body,
        image,
        wait,
        timeoutMs,
        pollIntervalMs,
        abortOnCancel: readBoolean(Setting.AbortOnCancel, input(Setting.AbortOnCancel), true),
        abortOnTimeout: readBoolean(Setting.AbortOnTimeout, input(Setting.AbortOnTimeout), false),
        requestTimeoutMs: sources.env.HARNESS_TRIGGER_REQUEST_TIMEOUT
            ? parseDuration('HARNESS_TRIGGER_REQUEST_TIMEOUT', sources.env.HARNESS_TRIGGER_REQUEST_TIMEOUT)
            : undefined
    };
}
function targetFromIdentifiers(webhookToken, input) {
    const endpoint = normalizeHarnessUrl(input(Setting.HarnessUrl) || 'https://app.harness.io');
    const ids = {
        accountId: checkAccountId(Setting.AccountId, required(Setting.AccountId, input)),
        orgId: checkIdentifier(Setting.OrgId, input(Setting.OrgId) || 'default'),
        projectId: checkIdentifier(Setting.ProjectId, required(Setting.ProjectId, input)),
        pipelineId: checkIdentifier(Setting.PipelineId, required(Setting.PipelineId, input)),
        triggerId: checkIdentifier(Setting.TriggerId, required(Setting.TriggerId, input))
    };
    const token = webhookToken ? checkWebhookToken(Setting.WebhookToken, webhookToken) : undefined;
    return {
        webhookUrl: buildWebhookUrl(endpoint, ids, token),
        webhookVersion: token ? 'v3' : 'v2',
        endpoint,
        ids
    };
}
function required(name, input) {
    const value = input(name);
    if (!value) {
        throw new SettingError(name, `required: set '${name}', or set 'webhook-url' to the trigger's webhook URL as Harness shows it.`);
    }
    return value;
}
function targetFromWebhookUrl(webhookUrl, webhookToken, input, redactor) {
    const parsed = parseWebhookUrl(webhookUrl);
    redactor.add(parsed.webhookToken);
    if (webhookToken && webhookToken !== parsed.webhookToken) {
        throw new SettingError(Setting.WebhookToken, parsed.webhookToken
            ? 'does not match the token in webhook-url; set only one of them.'
            : 'is set, but webhook-url is a v2 URL without a token; use the v3 URL Harness shows, or drop webhook-token.');
    }
    const pick = (name, fromUrl, query) => {
        const fromInput = input(name);
        if (fromUrl && fromInput && fromUrl !== fromInput) {
            throw new SettingError(name, `'${fromInput}' disagrees with ${query} '${fromUrl}' in webhook-url.`);
        }
        const value = fromUrl || fromInput;
        if (!value) {
            throw new SettingError(name, `required: webhook-url has no ${query}, so set '${name}'` +
                (query === 'pipelineIdentifier' || query === 'triggerIdentifier'
                    ? ' (sent without it, every custom trigger of the project would fire).'
                    : '.'));
        }
        return value;
    };
    const ids = {
        accountId: pick(Setting.AccountId, parsed.accountId, 'accountIdentifier'),
        orgId: checkIdentifier(Setting.OrgId, pick(Setting.OrgId, parsed.orgId, 'orgIdentifier')),
        projectId: checkIdentifier(Setting.ProjectId, pick(Setting.ProjectId, parsed.projectId, 'projectIdentifier')),
        pipelineId: checkIdentifier(Setting.PipelineId, pick(Setting.PipelineId, parsed.pipelineId, 'pipelineIdentifier')),
        triggerId: checkIdentifier(Setting.TriggerId, pick(Setting.TriggerId, parsed.triggerId, 'triggerIdentifier'))
    };
    return {
        webhookUrl: buildWebhookUrl(parsed.endpoint, ids, parsed.webhookToken),
        webhookVersion: parsed.version,
        endpoint: parsed.endpoint,
        ids
    };
}
function checkApiKey(apiKey, accountId) {
    if (!API_KEY_SHAPE.test(apiKey)) {
        throw new SettingError(Setting.ApiKey, 'does not look like a Harness API key: expected pat.<account>.<id>.<secret> or sat.<account>.<id>.<secret> (a personal access or service-account token).');
    }
    const parts = apiKey.split('.');
    if (parts.length === 4 && parts[1] !== accountId) {
        throw new SettingError(Setting.ApiKey, `belongs to another account than '${accountId}'; Harness would answer "Invalid accountId in token".`);
    }
}
const TRUE_WORDS = ['true', 'True', 'TRUE'];
const FALSE_WORDS = ['false', 'False', 'FALSE'];
function readBoolean(name, raw, fallback) {
    if (raw === '')
        return fallback;
    if (TRUE_WORDS.includes(raw))
        return true;
    if (FALSE_WORDS.includes(raw))
        return false;
    throw new SettingError(name, `expected true or false; got '${raw.slice(0, 40)}'.`);
}
function composeBody(input, sources) {
    const { env } = sources;
    const buildOutputsRaw = input(Setting.BuildOutputs);
    const payloadRaw = input(Setting.Payload);
    const image = resolveImage({
        imageInput: input(Setting.Image) || undefined,
        tagInput: input(Setting.Tag) || undefined,
        buildOutputs: buildOutputsRaw
            ? parseJsonObjectInput(Setting.BuildOutputs, buildOutputsRaw)
            : undefined,
        dockerMetadataJson: env.DOCKER_METADATA_OUTPUT_JSON,
        dockerMetadataVersion: env.DOCKER_METADATA_OUTPUT_VERSION,
        sha: sources.sha
    });
    const pickFrom = (fromInput, value) => fromInput ? value : undefined;
    const body = buildBody({
        context: sources.context,
        derived: {
            image: pickFrom(!image.imageFromInput, image.image),
            tag: pickFrom(!image.tagFromInput, image.tag),
            digest: image.digestSource === 'input' ? undefined : image.digest
        },
        payload: payloadRaw ? parseJsonObjectInput(Setting.Payload, payloadRaw) : undefined,
        inputs: {
            image: pickFrom(image.imageFromInput, image.image),
            tag: pickFrom(image.tagFromInput, image.tag),
            digest: image.digestSource === 'input' ? image.digest : undefined
        }
    });
    const size = JSON.stringify(body).length;
    if (size > MAX_BODY_CHARS) {
        throw new SettingError(Setting.Payload, `the body would be ${size} characters; Harness throttles bodies over ${MAX_BODY_CHARS}. Send less.`);
    }
    return { body, image };
}

;// CONCATENATED MODULE: ./src/harness/status.ts
function classifyEventStatus(status, pipelineExecutionId) {
    const name = status?.trim().toUpperCase() ?? '';
    if (name === '' || name === 'QUEUED')
        return 'pending';
    if (name === 'TARGET_EXECUTION_REQUESTED' && pipelineExecutionId?.trim())
        return 'started';
    return 'never-started';
}
const PHASE_STATUSES = {
    passed: ['Success', 'Succeeded', 'PassedWithWarning', 'IgnoreFailed'],
    failed: [
        'Failed',
        'Errored',
        'Aborted',
        'Expired',
        'ApprovalRejected',
        'AbortedByFreeze',
        'FreezeFailed',
        'Skipped',
        'Suspended'
    ],
    'waiting-for-person': [
        'ApprovalWaiting',
        'InterventionWaiting',
        'InputWaiting',
        'Paused',
        'Pausing'
    ],
    queued: [
        'Queued',
        'QueuedLicenseLimitReached',
        'QueuedExecutionConcurrencyReached',
        'QueuedGlobalInfraCapacityReached',
        'QueuedPlanCreation',
        'QueuedStepConcurrency',
        'ResourceWaiting',
        'NotStarted',
        'Waiting',
        'Starting',
        'StartingPlanCreation'
    ],
    running: [
        'Running',
        'AsyncWaiting',
        'TaskWaiting',
        'TimedWaiting',
        'WaitStepRunning',
        'UploadWaiting',
        'Discontinuing'
    ]
};
const PHASE_BY_KEY = new Map(Object.entries(PHASE_STATUSES).flatMap(([phase, statuses]) => statuses.map(status => [statusKey(status), phase])));
function statusKey(status) {
    return status.trim().replace(/_/g, '').toLowerCase();
}
function classifyExecutionStatus(status) {
    return PHASE_BY_KEY.get(statusKey(status)) ?? 'unknown';
}
function isTerminal(phase) {
    return phase === 'passed' || phase === 'failed';
}

;// CONCATENATED MODULE: ./src/core/wait/intervals.ts

const FIRST_EVENT_POLL_MS = 2_000;
const MAX_RETRY_DELAY_MS = 60_000;
function fastStartDelay(earlierLooks, pollIntervalMs) {
    const doubled = FIRST_EVENT_POLL_MS * 2 ** Math.min(earlierLooks, 30);
    return Math.min(doubled, pollIntervalMs);
}
function retryDelay(failuresInARow, usualDelayMs, random) {
    const cap = Math.max(MAX_RETRY_DELAY_MS, usualDelayMs);
    const ceiling = doubledDelay(failuresInARow + 1, usualDelayMs, cap);
    return Math.max(usualDelayMs, withJitter((ceiling * 3) / 4, 1 / 3, random));
}

;// CONCATENATED MODULE: ./src/core/wait/failures.ts




function isPassingTrouble(error) {
    if (error instanceof NetworkError)
        return error.kind !== 'too-large';
    return error instanceof HarnessApiError && error.retryable;
}
function isNotFound(error) {
    return error instanceof HarnessApiError && error.httpStatus === 404;
}
function describeReadError(error) {
    if (error instanceof HarnessApiError)
        return `${error.message} (HTTP ${error.httpStatus})`;
    if (error instanceof Error)
        return error.message;
    return String(error);
}
class ReadFailures {
    log;
    random;
    inARow = 0;
    last;
    constructor(log, random) {
        this.log = log;
        this.random = random;
    }
    get lastError() {
        return this.inARow > 0 ? this.last : undefined;
    }
    retryAfter(error, what, usualDelayMs) {
        this.inARow += 1;
        this.last = describeReadError(error);
        const delay = retryDelay(this.inARow, usualDelayMs, this.random);
        const line = `Could not read ${what}: ${this.last}; trying again in ${formatElapsed(delay)}.`;
        if (this.inARow === 1)
            this.log.warning(line);
        else
            this.log.debug(line);
        return delay;
    }
    succeeded(what) {
        if (this.inARow > 0) {
            const reads = this.inARow === 1 ? 'read' : 'reads';
            this.log.info(`Read ${what} again after ${this.inARow} failed ${reads}.`);
        }
        this.inARow = 0;
    }
}

;// CONCATENATED MODULE: ./src/core/advice.ts

const quoted = setting => `'${setting}'`;
function adviceFor(known, label = quoted) {
    switch (known.kind) {
        case 'webhook-url-retired':
            return ('This trigger was created after Harness introduced v3 webhook URLs and accepts only its v3 ' +
                `URL: set ${label(Setting.WebhookToken)} to the trigger's custom webhook token, or set ` +
                `${label(Setting.WebhookUrl)} to the URL Harness shows under the trigger's "Copy Webhook ` +
                'URL" (…/webhook/custom/<token>/v3?…).');
        case 'branch-unresolved':
            return ('The pipeline is stored in Git, and for a custom webhook Harness takes its branch only from ' +
                `the body's top-level "branch" key, which this body lacked (it comes from the CI context on ` +
                `branch and pull request builds, not on tag builds): set it with ${label(Setting.Payload)}, ` +
                'e.g. {"branch": "main"}.');
        case 'abort-denied':
            return known.permission === 'core_pipeline_abort'
                ? 'This account requires the Abort permission on pipelines (core_pipeline_abort) to abort ' +
                    "an execution: grant it to the API key's role."
                : 'Aborting needs the Execute permission on the pipeline (core_pipeline_execute): grant it ' +
                    "to the API key's role.";
    }
}

;// CONCATENATED MODULE: ./src/core/settle.ts






const SETTLE_LOOK_BUDGET_MS = 2500;
const SETTLE_ABORT_TIMEOUT_MS = 2500;
const ABORT_RETRY_PAUSE_MS = 500;
const LOOK_AGAIN_PAUSE_MS = 2000;
async function settle(request, client) {
    const { result } = request;
    const abortReason = reasonToAbort(request);
    if (!abortReason) {
        const left = result.outcome === 'cancelled' && !request.abortOnCancel;
        return {
            executionId: result.executionId,
            looked: false,
            abortSent: false,
            abortAccepted: false,
            done: true,
            note: left ? 'The execution was not aborted: abort-on-cancel is false.' : undefined
        };
    }
    const target = { eventId: request.eventId, scope: request.ids, executionId: result.executionId };
    const report = await findAndAbort(target, client);
    return { abortReason, ...report, note: abortNote(report) };
}
function settledResult(request, settlement) {
    const { result, endpoint, ids } = request;
    const executionId = result.executionId ?? settlement.executionId;
    const executionUrl = result.executionUrl ?? (executionId ? executionPageUrl(endpoint, ids, executionId) : undefined);
    const message = settlement.note ? `${result.message} ${settlement.note}` : result.message;
    return { ...result, executionId, executionUrl, message };
}
function abortNote(report) {
    if (!report.abortSent) {
        const why = report.lookProblem ?? 'no execution was found';
        return report.done
            ? `No abort was sent: ${why}.`
            : `No abort was sent: ${why}; the trigger event may still start an execution.`;
    }
    switch (report.abortOutcome) {
        case 'aborted':
            return 'The abort was sent and Harness accepted it.';
        case 'already-finished':
            return 'The abort was sent; the execution had already finished.';
        case 'already-aborting':
            return 'The abort was sent; the execution was already being aborted.';
        default:
            return `The abort was sent but failed (${report.abortProblem ?? 'no answer'}); the execution may still be running.`;
    }
}
async function findAndAbort(target, client, options = {}) {
    const report = {
        executionId: target.executionId,
        looked: false,
        abortSent: false,
        abortAccepted: false,
        done: false
    };
    const sleep = options.sleep ?? (ms => new Promise(done => setTimeout(done, ms)));
    if (!report.executionId) {
        report.looked = true;
        const looks = Math.max(1, options.lookAttempts ?? 1);
        for (let lookNumber = 1; lookNumber <= looks; lookNumber++) {
            const look = await lookForExecution(target, client);
            report.executionId = look.executionId;
            report.lookProblem = look.problem;
            if (look.executionId)
                break;
            if (look.eventEnded)
                return { ...report, done: true };
            if (lookNumber < looks)
                await sleep(LOOK_AGAIN_PAUSE_MS);
        }
        if (!report.executionId)
            return report;
    }
    report.abortSent = true;
    const attempts = Math.max(1, options.abortAttempts ?? 1);
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            report.abortOutcome = await client.abortExecution(target.scope, report.executionId, { timeoutMs: SETTLE_ABORT_TIMEOUT_MS });
            report.abortAccepted = true;
            report.done = true;
            report.abortProblem = undefined;
            break;
        }
        catch (error) {
            const advice = error instanceof HarnessApiError && error.known ? ` ${adviceFor(error.known)}` : '';
            report.abortProblem = `${messageOf(error)}${advice}`;
            if (!isPassingTrouble(error))
                break;
            if (attempt < attempts)
                await sleep(ABORT_RETRY_PAUSE_MS);
        }
    }
    return report;
}
function reasonToAbort(request) {
    const { outcome } = request.result;
    if (outcome === 'cancelled' && request.abortOnCancel)
        return 'cancelled';
    if (outcome === 'timeout' && request.abortOnTimeout)
        return 'timeout';
    return undefined;
}
async function lookForExecution(target, client) {
    const until = Date.now() + SETTLE_LOOK_BUDGET_MS;
    const left = () => Math.max(until - Date.now(), 1);
    const { accountId } = target.scope;
    try {
        const details = await client.getEventDetails(accountId, target.eventId, { timeoutMs: left() });
        if (details.pipelineExecutionId) {
            return { executionId: details.pipelineExecutionId, eventEnded: true };
        }
        const phase = details.pending
            ? 'pending'
            : classifyEventStatus(details.status, details.pipelineExecutionId);
        if (phase === 'pending' && details.warningMsg) {
            const records = await client.getEventHistory(accountId, target.eventId, {
                timeoutMs: left()
            });
            const started = records.find(record => record.planExecutionId);
            if (started?.planExecutionId)
                return { executionId: started.planExecutionId, eventEnded: true };
        }
        if (phase === 'pending') {
            return { eventEnded: false, problem: 'Harness had not processed the trigger event yet' };
        }
        const status = details.status ?? 'an unknown status';
        return {
            eventEnded: true,
            problem: `the trigger event ended as ${status} without an execution`
        };
    }
    catch (error) {
        return { eventEnded: false, problem: messageOf(error) };
    }
}
function settlementLines(settlement) {
    const lines = [];
    const id = settlement.executionId;
    if (settlement.looked) {
        lines.push(id
            ? { level: 'info', text: `The trigger event had started execution ${id}.` }
            : {
                level: settlement.done ? 'info' : 'warning',
                text: `No execution to abort: ${settlement.lookProblem ?? 'none found'}.`
            });
    }
    if (settlement.abortSent && id) {
        const said = {
            aborted: `Asked Harness to abort execution ${id}; it accepted.`,
            'already-finished': `Execution ${id} had already finished; nothing to abort.`,
            'already-aborting': `Execution ${id} is already being aborted.`
        };
        lines.push(settlement.abortOutcome
            ? { level: 'info', text: said[settlement.abortOutcome] }
            : {
                level: 'warning',
                text: `Could not abort execution ${id}: ${settlement.abortProblem ?? 'no answer'}; it may still be running.`
            });
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/core/wait/stages.ts



const NOT_STARTED = new Set(['notstarted', 'not_started']);
class StageTracker {
    lastStatus = new Map();
    changes(stages) {
        const changed = stages.filter(stage => this.record(stage));
        return [...changed].sort(byStartThenName).map(describeStage);
    }
    record(stage) {
        const before = this.lastStatus.get(stage.nodeUuid);
        this.lastStatus.set(stage.nodeUuid, stage.status);
        if (before === undefined)
            return !NOT_STARTED.has(stage.status.toLowerCase());
        return before !== stage.status;
    }
}
function describeStage(stage) {
    const label = `Stage "${stage.name || stage.nodeUuid}": ${stage.status}`;
    const phase = classifyExecutionStatus(stage.status);
    if (phase !== 'passed' && phase !== 'failed')
        return label;
    const took = elapsed(stage.startTs, stage.endTs);
    if (phase === 'passed')
        return took === undefined ? label : `${label} in ${took}`;
    const after = took === undefined ? '' : ` after ${took}`;
    const why = stage.failureMessage ? `: ${oneLine(stage.failureMessage)}` : '';
    return `${label}${after}${why}`;
}
function elapsed(startTs, endTs) {
    if (!startTs || !endTs || startTs <= 0 || endTs < startTs)
        return undefined;
    return formatElapsed(endTs - startTs);
}
function oneLine(text, maxLength = 300) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return shorten(flat, maxLength);
}
function byStartThenName(a, b) {
    const startA = a.startTs ?? Number.MAX_SAFE_INTEGER;
    const startB = b.startTs ?? Number.MAX_SAFE_INTEGER;
    return startA - startB || a.name.localeCompare(b.name);
}

;// CONCATENATED MODULE: ./src/core/wait/messages.ts





const NEVER_STARTED_HINTS = {
    NO_MATCHING_TRIGGER_FOR_PAYLOAD_CONDITIONS: "Check the trigger's payload conditions: their value side is literal text, so an expression there never matches.",
    NO_MATCHING_TRIGGER_FOR_HEADER_CONDITIONS: "Check the trigger's header conditions.",
    NO_MATCHING_TRIGGER_FOR_JEXL_CONDITIONS: "Check the trigger's JEXL condition.",
    NO_ENABLED_CUSTOM_TRIGGER_FOUND: 'Check that the trigger exists and is enabled.',
    TARGET_EXECUTION_REQUESTED: 'Harness gave no execution id for it, so there is nothing to follow.',
    INVALID_RUNTIME_INPUT_YAML: 'Harness could not start the pipeline: check the trigger\'s inputs, the permissions, and for a Git-stored pipeline a "branch" in the payload.'
};
const PENDING_CAUSES = 'Usual causes: a payload condition whose value is an expression such as <+trigger.payload.x> ' +
    '(Harness compares the value as literal text), a Git-stored pipeline while the payload has no ' +
    '"branch", or a disabled trigger.';
const PERSON_WAITS = {
    approvalwaiting: 'is waiting for an approval',
    interventionwaiting: 'is waiting for manual intervention',
    inputwaiting: 'is waiting for runtime input',
    paused: 'is paused',
    pausing: 'is being paused'
};
function neverStartedMessage(status, harnessMessage) {
    const said = harnessMessage ? ` (${oneLine(harnessMessage)})` : '';
    const hint = isBranchUnresolved(status, harnessMessage)
        ? adviceFor({ kind: 'branch-unresolved' })
        : status
            ? NEVER_STARTED_HINTS[status.toUpperCase()]
            : undefined;
    const base = `Harness did not start the pipeline: the trigger event ended as ${status ?? 'an unknown status'}${said}.`;
    return hint ? `${base} ${hint}` : base;
}
function eventPendingMessage(status, waitedMs, limitWasTimeout) {
    const state = status ? `pending (${status})` : 'unprocessed';
    const when = limitWasTimeout
        ? `when the timeout of ${formatDuration(waitedMs)} was reached`
        : `after ${formatDuration(waitedMs)}`;
    return `Harness still had the trigger event ${state} ${when}; the pipeline did not start. ${PENDING_CAUSES}`;
}
function executionEndedMessage(summary, url) {
    const took = elapsed(summary.startTs, summary.endTs);
    if (classifyExecutionStatus(summary.status) === 'passed') {
        return `Pipeline execution ended with ${summary.status}${took ? ` in ${took}` : ''}: ${url}`;
    }
    const after = took ? ` after ${took}` : '';
    const why = summary.failureMessage ? `: ${oneLine(summary.failureMessage)}` : '';
    return `Pipeline execution ended with ${summary.status}${after}${why} (${url})`;
}
function personWaitingNotice(status, url) {
    const doing = PERSON_WAITS[status.toLowerCase().replace(/_/g, '')] ?? 'is waiting for a person';
    return `The pipeline ${doing} (${status}): ${url}`;
}
function timeoutMessage(timeoutMs, where) {
    const head = `Timed out after ${formatDuration(timeoutMs)}`;
    if (!where.executionUrl) {
        return `${head} before Harness said what became of the trigger event${lastErrorNote(where)}.`;
    }
    if (!where.status) {
        return `${head} before Harness reported the execution's status${lastErrorNote(where)}: ${where.executionUrl}`;
    }
    return `${head}: the pipeline execution is still ${where.status}: ${where.executionUrl}`;
}
function cancelledMessage(where) {
    if (!where.executionUrl)
        return 'Cancelled while waiting for Harness to process the trigger event.';
    const stood = where.status ? ` (last status ${where.status})` : '';
    return `Cancelled while waiting for the pipeline execution${stood}: ${where.executionUrl}`;
}
function unreadableMessage(what, error, where) {
    const base = `Could not read ${what}: ${error}`;
    if (!where.executionUrl)
        return base;
    const stood = where.status ? ` (last status ${where.status})` : '';
    return `${base}${stood}: ${where.executionUrl}`;
}
function lastErrorNote(where) {
    return where.lastError ? ` (last error: ${where.lastError})` : '';
}

;// CONCATENATED MODULE: ./src/core/wait.ts








const DEFAULT_EVENT_PENDING_LIMIT_MS = 5 * 60_000;
const EXECUTION_NOT_FOUND_TOLERANCE = 3;
function waitForPipeline(request, deps) {
    return new PipelineWait(request, deps).run();
}
class Cancelled extends Error {
}
class Unreadable extends Error {
    what;
    reason;
    constructor(what, reason) {
        super(reason);
        this.what = what;
        this.reason = reason;
    }
}
class PipelineWait {
    request;
    deps;
    startedAt;
    deadline;
    pendingDeadline;
    failures;
    stages = new StageTracker();
    webhookStatus;
    eventStatusSeen = false;
    sawPendingEvent = false;
    eventLooks = 0;
    historyTroubleTold = false;
    executionId;
    serverExecutionUrl;
    execution;
    notFoundLooks = 0;
    constructor(request, deps) {
        this.request = request;
        this.deps = deps;
        this.startedAt = deps.now();
        this.deadline = this.startedAt + request.timeoutMs;
        const pendingLimit = request.eventPendingLimitMs ?? DEFAULT_EVENT_PENDING_LIMIT_MS;
        this.pendingDeadline = this.startedAt + Math.min(pendingLimit, request.timeoutMs);
        this.failures = new ReadFailures(deps.log, () => deps.random());
    }
    async run() {
        try {
            const event = await this.followEvent();
            if ('outcome' in event)
                return event;
            this.executionId = event.executionId;
            this.serverExecutionUrl = event.executionUrl;
            this.request.onExecutionStarted?.({
                webhookStatus: event.status,
                executionId: event.executionId,
                executionUrl: this.executionUrl() ?? ''
            });
            return await this.followExecution(event.executionId);
        }
        catch (error) {
            if (error instanceof Cancelled) {
                return this.result('cancelled', cancelledMessage(this.whereItStands()));
            }
            if (!(error instanceof Unreadable))
                throw error;
            const message = unreadableMessage(error.what, error.reason, this.whereItStands());
            return { ...this.result('failed', message), status: undefined };
        }
    }
    async followEvent() {
        const end = await this.poll(() => (this.sawPendingEvent ? this.pendingDeadline : this.deadline), () => this.lookAtEvent());
        if (end.kind === 'cancelled')
            return this.result('cancelled', cancelledMessage({}));
        const verdict = end.kind === 'done' ? end.value : await this.lastLookBeforeGivingUp();
        if (verdict === undefined)
            return this.eventNeverSettled();
        if (verdict.phase === 'started')
            return verdict;
        return this.result('never-started', neverStartedMessage(verdict.status, verdict.message));
    }
    async lookAtEvent() {
        const usualDelay = fastStartDelay(this.eventLooks, this.request.pollIntervalMs);
        let details;
        try {
            details = await this.deps.client.getEventDetails(this.request.ids.accountId, this.request.eventId, this.call());
        }
        catch (error) {
            return { again: this.afterFailedRead(error, 'the trigger event', usualDelay), backoff: true };
        }
        this.failures.succeeded('the trigger event');
        const verdict = await this.judgeEvent(details);
        this.noteEventStatus(verdict.status);
        if (verdict.phase !== 'pending')
            return { done: verdict };
        this.sawPendingEvent = true;
        this.eventLooks += 1;
        return { again: usualDelay };
    }
    async judgeEvent(details) {
        const verdict = details.pending
            ? { phase: 'pending', status: details.status }
            : this.verdictOf(details.status, details.pipelineExecutionId, details.message, details.executionUrl);
        if (verdict.phase === 'pending' && details.warningMsg) {
            return (await this.lookAtHistory()) ?? verdict;
        }
        return verdict;
    }
    verdictOf(status, executionId, message, executionUrl) {
        const phase = classifyEventStatus(status, executionId);
        if (phase === 'pending')
            return { phase, status };
        if (phase === 'started' && status && executionId) {
            return { phase, status, executionId, executionUrl };
        }
        return { phase: 'never-started', status, message };
    }
    async lookAtHistory() {
        let records;
        try {
            records = await this.deps.client.getEventHistory(this.request.ids.accountId, this.request.eventId, this.call());
        }
        catch (error) {
            this.throwIfCancelled(error);
            const line = `Could not read the trigger event's history: ${describeReadError(error)}`;
            if (this.historyTroubleTold)
                this.deps.log.debug(line);
            else
                this.deps.log.warning(line);
            this.historyTroubleTold = true;
            return undefined;
        }
        for (const record of records) {
            const verdict = this.verdictOf(record.finalStatus, record.planExecutionId, record.message);
            if (verdict.phase !== 'pending')
                return verdict;
        }
        return undefined;
    }
    async lastLookBeforeGivingUp() {
        if (!this.sawPendingEvent || this.request.cancelSignal.aborted)
            return undefined;
        const verdict = await this.lookAtHistory();
        if (verdict)
            this.noteEventStatus(verdict.status);
        return verdict;
    }
    eventNeverSettled() {
        if (this.request.cancelSignal.aborted)
            return this.result('cancelled', cancelledMessage({}));
        if (!this.sawPendingEvent) {
            return this.result('timeout', timeoutMessage(this.request.timeoutMs, this.whereItStands()));
        }
        const limitWasTimeout = this.pendingDeadline >= this.deadline;
        const message = eventPendingMessage(this.webhookStatus, this.pendingDeadline - this.startedAt, limitWasTimeout);
        return this.result('event-pending', message);
    }
    noteEventStatus(status) {
        if (this.eventStatusSeen && status === this.webhookStatus)
            return;
        this.eventStatusSeen = true;
        this.webhookStatus = status;
        this.deps.log.info(status ? `Trigger event: ${status}` : 'Trigger event: not processed by Harness yet');
    }
    async followExecution(executionId) {
        const end = await this.poll(() => this.deadline, () => this.lookAtExecution(executionId));
        if (end.kind === 'cancelled')
            return this.result('cancelled', cancelledMessage(this.whereItStands()));
        if (end.kind === 'deadline') {
            return this.result('timeout', timeoutMessage(this.request.timeoutMs, this.whereItStands()));
        }
        const summary = end.value;
        const outcome = classifyExecutionStatus(summary.status) === 'passed' ? 'passed' : 'failed';
        return this.result(outcome, executionEndedMessage(summary, this.executionUrl() ?? ''));
    }
    async lookAtExecution(executionId) {
        const { pollIntervalMs } = this.request;
        let summary;
        try {
            summary = await this.deps.client.getExecution(this.request.ids, executionId, this.call());
        }
        catch (error) {
            this.throwIfCancelled(error);
            if (this.mayNotExistYet(error)) {
                const delay = fastStartDelay(this.notFoundLooks, pollIntervalMs);
                this.notFoundLooks += 1;
                this.deps.log.debug(`Harness does not know execution ${executionId} yet (HTTP 404); looking again in ${formatDuration(delay)}.`);
                return { again: delay };
            }
            return {
                again: this.afterFailedRead(error, 'the pipeline execution', pollIntervalMs),
                backoff: true
            };
        }
        this.failures.succeeded('the pipeline execution');
        const terminal = isTerminal(classifyExecutionStatus(summary.status));
        this.noteExecution(summary, terminal);
        return terminal ? { done: summary } : { again: pollIntervalMs };
    }
    mayNotExistYet(error) {
        return (this.execution === undefined &&
            isNotFound(error) &&
            this.notFoundLooks < EXECUTION_NOT_FOUND_TOLERANCE);
    }
    noteExecution(summary, terminal) {
        const statusChanged = summary.status !== this.execution?.status;
        this.execution = summary;
        const stageLines = this.stages.changes(summary.stages);
        if (statusChanged && !terminal)
            this.announceStatus(summary.status);
        stageLines.forEach(line => this.deps.log.info(line));
    }
    announceStatus(status) {
        if (classifyExecutionStatus(status) === 'waiting-for-person') {
            this.deps.log.notice(personWaitingNotice(status, this.executionUrl() ?? ''));
        }
        else {
            this.deps.log.info(`Pipeline execution: ${status}`);
        }
    }
    async poll(until, look) {
        const { cancelSignal } = this.request;
        for (;;) {
            if (cancelSignal.aborted)
                return { kind: 'cancelled' };
            const lookStartedAt = this.deps.now();
            let seen;
            try {
                seen = await look();
            }
            catch (error) {
                if (error instanceof Cancelled)
                    return { kind: 'cancelled' };
                throw error;
            }
            if ('done' in seen)
                return { kind: 'done', value: seen.done };
            const now = this.deps.now();
            const remaining = until() - now;
            if (remaining <= 0)
                return { kind: 'deadline' };
            const pause = seen.backoff ? seen.again : Math.max(0, lookStartedAt + seen.again - now);
            await this.deps.sleep(Math.min(pause, remaining), cancelSignal);
        }
    }
    afterFailedRead(error, what, usualDelayMs) {
        this.throwIfCancelled(error);
        if (!isPassingTrouble(error))
            throw new Unreadable(what, describeReadError(error));
        return this.failures.retryAfter(error, what, usualDelayMs);
    }
    call() {
        return { signal: this.request.cancelSignal };
    }
    throwIfCancelled(error) {
        if (isCancelledRequest(error) || this.request.cancelSignal.aborted)
            throw new Cancelled();
    }
    executionUrl() {
        if (!this.executionId)
            return undefined;
        const known = this.execution?.executionUrl || this.serverExecutionUrl;
        if (known)
            return known;
        const module = this.execution?.modules?.find(name => name.toLowerCase() !== 'pms') ?? 'cd';
        return executionPageUrl(this.request.endpoint, this.request.ids, this.executionId, module);
    }
    whereItStands() {
        return {
            status: this.execution?.status,
            executionUrl: this.executionUrl(),
            lastError: this.failures.lastError
        };
    }
    result(outcome, message) {
        return {
            outcome,
            webhookStatus: this.webhookStatus,
            executionId: this.executionId,
            executionUrl: this.executionUrl(),
            status: this.execution?.status,
            message,
            execution: this.execution,
            startedAt: this.startedAt,
            endedAt: this.deps.now()
        };
    }
}

;// CONCATENATED MODULE: ./src/cli/ci.ts

const READERS = [
    {
        provider: 'github',
        detect: read => read('GITHUB_ACTIONS') === 'true',
        context: read => {
            const event = read('GITHUB_EVENT_NAME');
            const ref = read('GITHUB_REF');
            const isPullRequest = event?.startsWith('pull_request') ?? false;
            return {
                repository: read('GITHUB_REPOSITORY'),
                branch: isPullRequest ? read('GITHUB_HEAD_REF') : branchOfRef(ref),
                sha: read('GITHUB_SHA'),
                runId: read('GITHUB_RUN_ID'),
                runUrl: joined(read('GITHUB_SERVER_URL')?.replace(/\/+$/, ''), read('GITHUB_REPOSITORY'), 'actions/runs', read('GITHUB_RUN_ID')),
                job: read('GITHUB_JOB'),
                actor: read('GITHUB_ACTOR'),
                event,
                prNumber: isPullRequest ? number(/^refs\/pull\/(\d+)\//.exec(ref ?? '')?.[1]) : undefined
            };
        }
    },
    {
        provider: 'gitlab',
        detect: read => read('GITLAB_CI') === 'true',
        context: read => ({
            repository: read('CI_PROJECT_PATH'),
            branch: read('CI_MERGE_REQUEST_SOURCE_BRANCH_NAME') ?? read('CI_COMMIT_BRANCH'),
            sha: read('CI_COMMIT_SHA'),
            runId: read('CI_PIPELINE_ID'),
            runUrl: read('CI_PIPELINE_URL'),
            job: read('CI_JOB_NAME'),
            actor: read('GITLAB_USER_LOGIN'),
            event: read('CI_PIPELINE_SOURCE'),
            prNumber: number(read('CI_MERGE_REQUEST_IID'))
        })
    },
    {
        provider: 'jenkins',
        detect: read => read('JENKINS_URL') !== undefined,
        context: read => ({
            repository: withoutCredentials(read('GIT_URL')),
            branch: read('TAG_NAME')
                ? undefined
                : (read('CHANGE_BRANCH') ??
                    read('BRANCH_NAME') ??
                    read('GIT_BRANCH')?.replace(/^(refs\/remotes\/)?origin\//, '')),
            sha: read('GIT_COMMIT'),
            runId: read('BUILD_NUMBER'),
            runUrl: read('BUILD_URL'),
            job: read('JOB_NAME'),
            actor: read('CHANGE_AUTHOR'),
            prNumber: number(read('CHANGE_ID'))
        })
    },
    {
        provider: 'circleci',
        detect: read => read('CIRCLECI') === 'true',
        context: read => ({
            repository: joined(read('CIRCLE_PROJECT_USERNAME'), read('CIRCLE_PROJECT_REPONAME')),
            branch: read('CIRCLE_TAG') ? undefined : read('CIRCLE_BRANCH'),
            sha: read('CIRCLE_SHA1'),
            runId: read('CIRCLE_BUILD_NUM'),
            runUrl: read('CIRCLE_BUILD_URL'),
            job: read('CIRCLE_JOB'),
            actor: read('CIRCLE_USERNAME'),
            prNumber: number(read('CIRCLE_PR_NUMBER')) ??
                number(/\/(\d+)\/?$/.exec(read('CIRCLE_PULL_REQUEST') ?? '')?.[1])
        })
    },
    {
        provider: 'bitbucket',
        detect: read => read('BITBUCKET_BUILD_NUMBER') !== undefined,
        context: read => {
            const repository = read('BITBUCKET_REPO_FULL_NAME');
            const build = read('BITBUCKET_BUILD_NUMBER');
            return {
                repository,
                branch: read('BITBUCKET_TAG') ? undefined : read('BITBUCKET_BRANCH'),
                sha: read('BITBUCKET_COMMIT'),
                runId: build,
                runUrl: repository && build
                    ? `https://bitbucket.org/${repository}/pipelines/results/${build}`
                    : undefined,
                actor: read('BITBUCKET_STEP_TRIGGERER_UUID'),
                prNumber: number(read('BITBUCKET_PR_ID'))
            };
        }
    },
    {
        provider: 'azure',
        detect: read => read('TF_BUILD')?.toLowerCase() === 'true',
        context: read => {
            const collection = read('SYSTEM_COLLECTIONURI');
            const project = read('SYSTEM_TEAMPROJECT');
            const buildId = read('BUILD_BUILDID');
            return {
                repository: read('BUILD_REPOSITORY_NAME'),
                branch: branchOfRef(read('SYSTEM_PULLREQUEST_SOURCEBRANCH') ?? read('BUILD_SOURCEBRANCH')),
                sha: read('BUILD_SOURCEVERSION'),
                runId: buildId,
                runUrl: collection && project && buildId
                    ? `${collection.replace(/\/*$/, '/')}${encodeURIComponent(project)}/_build/results?buildId=${encodeURIComponent(buildId)}`
                    : undefined,
                job: read('SYSTEM_JOBDISPLAYNAME'),
                actor: read('BUILD_REQUESTEDFOR'),
                event: read('BUILD_REASON'),
                prNumber: number(read('SYSTEM_PULLREQUEST_PULLREQUESTNUMBER')) ??
                    number(read('SYSTEM_PULLREQUEST_PULLREQUESTID'))
            };
        }
    },
    {
        provider: 'buildkite',
        detect: read => read('BUILDKITE') === 'true',
        context: read => ({
            repository: withoutCredentials(read('BUILDKITE_REPO')),
            branch: read('BUILDKITE_TAG') ? undefined : read('BUILDKITE_BRANCH'),
            sha: read('BUILDKITE_COMMIT'),
            runId: read('BUILDKITE_BUILD_NUMBER'),
            runUrl: read('BUILDKITE_BUILD_URL'),
            job: read('BUILDKITE_LABEL'),
            actor: read('BUILDKITE_BUILD_CREATOR'),
            event: read('BUILDKITE_SOURCE'),
            prNumber: number(read('BUILDKITE_PULL_REQUEST'))
        })
    }
];
function detectCi(env, git) {
    const read = name => {
        const text = env[name]?.trim();
        return text ? text : undefined;
    };
    const reader = READERS.find(candidate => candidate.detect(read));
    if (reader)
        return withoutUndefined({ provider: reader.provider, ...reader.context(read) });
    return withoutUndefined({ provider: 'local', ...localCheckout(git) });
}
function localCheckout(git) {
    const [sha, ref] = git(['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD'])?.split('\n') ?? [];
    if (!sha || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha))
        return {};
    const branch = ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
    return { sha, branch: branch || undefined };
}
function branchOfRef(ref) {
    if (!ref)
        return undefined;
    if (ref.startsWith('refs/heads/'))
        return ref.slice('refs/heads/'.length) || undefined;
    return ref.startsWith('refs/') ? undefined : ref;
}
function joined(...parts) {
    return parts.every(Boolean) ? parts.join('/') : undefined;
}
function number(text) {
    if (!text || !/^\d+$/.test(text))
        return undefined;
    const value = Number(text);
    return value > 0 && Number.isSafeInteger(value) ? value : undefined;
}
function withoutCredentials(url) {
    if (!url)
        return undefined;
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

;// CONCATENATED MODULE: ./src/core/log.ts
const LEVELS = ['info', 'notice', 'warning', 'error', 'debug', 'fail'];
function createLog(sinks, redactor) {
    const line = (text) => safeLine(text, redactor);
    return Object.fromEntries(LEVELS.map(level => [level, (text) => sinks[level](line(text))]));
}
const MAX_LINE_LENGTH = 4000;
function safeLine(text, redactor) {
    const line = notACommand(log_oneLine(redactor.redact(String(text))));
    return redactor.redact(shortened(line));
}
function shortened(line) {
    if (line.length <= MAX_LINE_LENGTH)
        return line;
    let end = MAX_LINE_LENGTH;
    if (/[\ud800-\udbff]/.test(line[end - 1]))
        end--;
    return `${line.slice(0, end)}… (${line.length - end} more characters)`;
}
function streamSinks(write, options = {}) {
    return {
        info: line => write(line),
        notice: line => write(`notice: ${line}`),
        warning: line => write(`warning: ${line}`),
        error: line => write(`error: ${line}`),
        debug: line => (options.debug ? write(`debug: ${line}`) : undefined),
        fail: line => write(`error: ${line}`)
    };
}
const ESCAPES = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function log_oneLine(text) {
    return text.replace(UNSAFE, char => ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const COMMAND_START = /^[\s\ufeff]*::/;
function notACommand(line) {
    const safe = line.replace(/##\[/g, '##\\[');
    return COMMAND_START.test(safe) ? `\\${safe}` : safe;
}

;// CONCATENATED MODULE: ./src/cli/log.ts

function stderrLog(write, redactor) {
    return createLog(withoutAzureCommands(streamSinks(line => write(`${line}\n`))), redactor);
}
function withoutAzureCommands(sinks) {
    const guard = (sink) => (line) => sink(line.replace(/##vso\[/g, '##vso\\['));
    return {
        info: guard(sinks.info),
        notice: guard(sinks.notice),
        warning: guard(sinks.warning),
        error: guard(sinks.error),
        debug: guard(sinks.debug),
        fail: guard(sinks.fail)
    };
}

;// CONCATENATED MODULE: ./src/cli/options.ts



const CliOption = {
    CiContext: 'ci-context',
    Format: 'format',
    OutputFile: 'output-file',
    Help: 'help',
    Version: 'version'
};
const OPTIONS = [
    {
        name: Setting.WebhookUrl,
        kind: 'value',
        placeholder: 'URL',
        help: 'the webhook URL exactly as Harness shows it (secret)',
        secret: true
    },
    {
        name: Setting.HarnessUrl,
        kind: 'value',
        placeholder: 'URL',
        help: 'base URL of the Harness cluster (default https://app.harness.io)'
    },
    { name: Setting.AccountId, kind: 'value', placeholder: 'ID', help: 'accountIdentifier' },
    {
        name: Setting.OrgId,
        kind: 'value',
        placeholder: 'ID',
        help: 'orgIdentifier (default default)'
    },
    { name: Setting.ProjectId, kind: 'value', placeholder: 'ID', help: 'projectIdentifier' },
    { name: Setting.PipelineId, kind: 'value', placeholder: 'ID', help: 'pipelineIdentifier' },
    { name: Setting.TriggerId, kind: 'value', placeholder: 'ID', help: 'triggerIdentifier' },
    {
        name: Setting.WebhookToken,
        kind: 'value',
        placeholder: 'TOKEN',
        help: "the trigger's webhook token, for the v3 URL (secret)",
        secret: true
    },
    {
        name: Setting.ApiKey,
        kind: 'value',
        placeholder: 'KEY',
        help: 'Harness API key, sent as X-Api-Key; required with --wait (secret)',
        secret: true
    },
    {
        name: Setting.Image,
        kind: 'value',
        placeholder: 'REF',
        help: "the body's image (a full reference is split into image and tag)"
    },
    {
        name: Setting.Tag,
        kind: 'value',
        placeholder: 'TAG',
        help: "the body's tag (default: the commit SHA)"
    },
    {
        name: Setting.BuildOutputs,
        kind: 'value',
        placeholder: 'JSON',
        help: 'a JSON object of build outputs; image, tag and digest are taken from it'
    },
    {
        name: Setting.Payload,
        kind: 'value',
        placeholder: 'JSON',
        help: 'a JSON object merged into the body'
    },
    {
        name: Setting.Wait,
        kind: 'boolean',
        help: 'follow the execution to its end; fail unless it passes (default false)'
    },
    {
        name: Setting.Timeout,
        kind: 'value',
        placeholder: 'DURATION',
        help: 'how long --wait may take in all (default 30m)'
    },
    {
        name: Setting.PollInterval,
        kind: 'value',
        placeholder: 'DURATION',
        help: 'base interval between status reads (default 10s)'
    },
    {
        name: Setting.AbortOnCancel,
        kind: 'boolean',
        help: 'abort the execution on SIGINT/SIGTERM while waiting (default true)'
    },
    {
        name: Setting.AbortOnTimeout,
        kind: 'boolean',
        help: 'abort the execution when --timeout is reached (default false)'
    },
    {
        name: CliOption.CiContext,
        kind: 'boolean',
        help: 'add a ci object and the top-level branch to the body (default true)'
    },
    {
        name: CliOption.Format,
        kind: 'value',
        placeholder: 'json|dotenv',
        help: 'how the outputs are printed on stdout (default json)'
    },
    {
        name: CliOption.OutputFile,
        kind: 'value',
        placeholder: 'PATH',
        help: 'also write the outputs as dotenv lines to PATH'
    },
    { name: CliOption.Help, kind: 'flag', help: 'print this help and exit' },
    { name: CliOption.Version, kind: 'flag', help: 'print the version and exit' }
];
const BY_NAME = new Map(OPTIONS.map(spec => [spec.name, spec]));
function variableOf(name) {
    const spec = BY_NAME.get(name);
    if (!spec || spec.kind === 'flag')
        return undefined;
    if (name === Setting.HarnessUrl)
        return 'HARNESS_URL';
    return `HARNESS_${name.toUpperCase().replaceAll('-', '_')}`;
}
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
function readCliOptions(argv, env) {
    const given = parseArgv(argv);
    const value = (name) => {
        if (given.has(name))
            return given.get(name) ?? '';
        const variable = variableOf(name);
        return (variable && env[variable]) || '';
    };
    const warnings = OPTIONS.filter(spec => spec.secret && given.has(spec.name)).map(spec => `--${spec.name} was given on the command line, where process lists (ps) show it to others on this machine; set ${variableOf(spec.name)} instead.`);
    const format = value(CliOption.Format).trim() || 'json';
    if (format !== 'json' && format !== 'dotenv') {
        throw new SettingError(CliOption.Format, `expected json or dotenv; got '${format.slice(0, 40)}'.`);
    }
    return {
        help: given.has(CliOption.Help),
        version: given.has(CliOption.Version),
        value,
        format,
        outputFile: value(CliOption.OutputFile).trim() || undefined,
        ciContext: readBoolean(CliOption.CiContext, value(CliOption.CiContext).trim(), true),
        warnings
    };
}
function parseArgv(argv) {
    const given = new Map();
    const unknown = [];
    const stray = [];
    for (let index = 0; index < argv.length; index++) {
        const arg = argv[index];
        if (arg === '-h') {
            given.set(CliOption.Help, 'true');
            continue;
        }
        if (!arg.startsWith('--') || arg === '--') {
            stray.push(index + 1);
            continue;
        }
        const equals = arg.indexOf('=');
        const key = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
        const inline = equals < 0 ? undefined : arg.slice(equals + 1);
        const negated = key.startsWith('no-') ? BY_NAME.get(key.slice(3)) : undefined;
        const spec = BY_NAME.get(key) ?? (negated?.kind === 'boolean' ? negated : undefined);
        if (!spec) {
            unknown.push(`--${key}`);
            if (inline === undefined && argv[index + 1] !== undefined && !argv[index + 1].startsWith('-'))
                index++;
            continue;
        }
        if (spec === negated) {
            if (inline !== undefined)
                throw new UsageError(`--${key} takes no value.`);
            given.set(spec.name, 'false');
        }
        else if (spec.kind === 'flag') {
            if (inline !== undefined)
                throw new UsageError(`--${key} takes no value.`);
            given.set(spec.name, 'true');
        }
        else if (spec.kind === 'boolean') {
            given.set(spec.name, inline ?? 'true');
        }
        else if (inline !== undefined) {
            given.set(spec.name, inline);
        }
        else {
            const next = argv[index + 1];
            if (next === undefined || isOption(next)) {
                throw new UsageError(`--${key} needs a value: --${key} VALUE or --${key}=VALUE.`);
            }
            given.set(spec.name, next);
            index++;
        }
    }
    const problems = [];
    if (unknown.length > 0) {
        problems.push(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
    }
    if (stray.length > 0) {
        problems.push(`unexpected argument${stray.length > 1 ? 's' : ''} #${stray.join(', #')} (options start with --; a value goes after its option)`);
    }
    if (problems.length > 0)
        throw new UsageError(`${problems.join('; ')}. See --help.`);
    return given;
}
function isOption(arg) {
    if (!arg.startsWith('--'))
        return false;
    const key = arg.slice(2).split('=')[0];
    return BY_NAME.has(key) || BY_NAME.has(key.replace(/^no-/, ''));
}
function describeSettingError(error) {
    const spec = BY_NAME.get(error.setting);
    const problem = error.problem.replace(/'([a-z][a-z-]*)'/g, (quoted, name) => BY_NAME.has(name) ? `--${name}` : quoted);
    if (!spec)
        return `${error.setting}: ${problem}`;
    return `--${spec.name} (${variableOf(spec.name)}): ${problem}`;
}
function helpText(version) {
    const rows = OPTIONS.map(spec => {
        const variable = variableOf(spec.name);
        const form = spec.kind === 'boolean'
            ? `--[no-]${spec.name}[=true|false]`
            : spec.kind === 'flag'
                ? `--${spec.name}`
                : `--${spec.name} ${spec.placeholder ?? 'VALUE'}`;
        return { form, variable: variable ?? '', help: spec.help };
    });
    const formWidth = Math.max(...rows.map(row => row.form.length));
    const variableWidth = Math.max(...rows.map(row => row.variable.length));
    const lines = rows.map(row => `  ${row.form.padEnd(formWidth)}  ${row.variable.padEnd(variableWidth)}  ${row.help}`.trimEnd());
    return [
        `harness-trigger ${version}: fire a Harness pipeline through its custom webhook trigger.`,
        '',
        'Usage: harness-trigger [options]   (or: node dist/cli.js [options])',
        '',
        'Each option can also be set by its environment variable; the option wins. Give secrets as',
        'variables: process lists show the command line.',
        '',
        ...lines,
        '',
        'stdout: the outputs (eventCorrelationId, uiUrl, apiUrl, uiSetupUrl; with --wait also',
        'webhookStatus, executionId, executionUrl, status) as JSON or dotenv lines; the log goes to stderr.',
        'Exit codes: 0 accepted (and with --wait, passed); 1 refused, failed, never started or pending;',
        '2 input error, nothing sent; 3 --wait timed out; 130/143 cancelled by SIGINT/SIGTERM.',
        ''
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/cli/outputs.ts


const ORDER = Object.values(Outputs);
function known(values) {
    return ORDER.flatMap(name => (values[name] === undefined ? [] : [[name, values[name]]]));
}
const AZURE_COMMAND = /##(vso)?\[/;
function formatJson(values) {
    const text = JSON.stringify(Object.fromEntries(known(values)));
    return `${text.replace(new RegExp(AZURE_COMMAND, 'g'), match => `${match.slice(0, -1)}\\u005b`)}\n`;
}
const BARE = /^[A-Za-z0-9_@%+=:,./?#*^-]*$/;
const UNREPRESENTABLE = /[\u0000-\u001f\u007f\u2028\u2029]/;
function formatDotenv(values) {
    const lines = [];
    const refused = [];
    for (const [name, value] of known(values)) {
        if (UNREPRESENTABLE.test(value) || AZURE_COMMAND.test(value))
            refused.push(name);
        else
            lines.push(`${name}=${BARE.test(value) ? value : shellQuoted(value)}`);
    }
    return { text: lines.map(line => `${line}\n`).join(''), refused };
}
function shellQuoted(value) {
    return `'${value.replaceAll("'", `'\\''`)}'`;
}
class OutputSink {
    format;
    outputFile;
    channels;
    values = {};
    fileFailed = false;
    constructor(format, outputFile, channels) {
        this.format = format;
        this.outputFile = outputFile;
        this.channels = channels;
    }
    add(learnt) {
        for (const [name, value] of Object.entries(learnt)) {
            if (value)
                this.values[name] = this.channels.redact(value);
        }
        this.writeFile();
    }
    finish() {
        if (this.format === 'json') {
            this.channels.stdout(formatJson(this.values));
        }
        else {
            const { text, refused } = formatDotenv(this.values);
            if (refused.length > 0) {
                this.channels.warning(`Left out of the dotenv lines, as no reader would take the value literally (a line break or control character): ${refused.join(', ')}. --format json carries them.`);
            }
            this.channels.stdout(text);
        }
        this.writeFile();
        return !this.fileFailed;
    }
    writeFile() {
        if (!this.outputFile || this.fileFailed)
            return;
        try {
            this.channels.writeFile(this.outputFile, formatDotenv(this.values).text);
        }
        catch (error) {
            this.fileFailed = true;
            const reason = messageOf(error);
            this.channels.error(`Could not write --output-file ${this.outputFile}: ${reason}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/cli/version.ts
const VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/cli/main.ts















const ExitCode = {
    Ok: 0,
    Failed: 1,
    InputError: 2,
    TimedOut: 3,
    SIGINT: 130,
    SIGTERM: 143
};
async function run(argv, world) {
    const redactor = new Redactor();
    const log = stderrLog(world.stderr, redactor);
    let outputs;
    let code;
    try {
        const options = readCliOptions(argv, world.env);
        if (options.help || options.version) {
            world.stdout(options.help ? helpText(VERSION) : `${VERSION}\n`);
            return ExitCode.Ok;
        }
        outputs = outputSink(options, world, redactor, log);
        options.warnings.forEach(log.warning);
        const settings = readSettings(settingSources(options, world, redactor));
        announce(settings, log);
        const client = harnessClientFor(settings, { ...world, redactor, log });
        const { cancelSignal } = world;
        const fired = await fireTrigger({ ...settings, cancelSignal }, client);
        if (fired.outcome === 'accepted') {
            outputs.add(acceptedOutputs(fired.accepted));
            log.info(`Harness accepted the trigger: event ${fired.accepted.eventCorrelationId}`);
            code = settings.wait
                ? await followToTheEnd(settings, client, fired.accepted, world, log, outputs)
                : (cancelledCode(world) ?? ExitCode.Ok);
        }
        else {
            log.fail(fired.message);
            code = cancelledCode(world) ?? ExitCode.Failed;
        }
    }
    catch (error) {
        log.fail(failureText(error));
        code = exitCodeOfFailure(error, world);
    }
    const written = outputs?.finish() ?? true;
    return written || code !== ExitCode.Ok ? code : ExitCode.Failed;
}
async function followToTheEnd(settings, client, accepted, world, log, outputs) {
    const eventId = accepted.eventCorrelationId;
    const waited = await waitForPipeline({
        ...settings,
        eventId,
        cancelSignal: world.cancelSignal,
        onExecutionStarted: started => {
            outputs.add(started);
            log.info(`Pipeline execution started: ${started.executionUrl}`);
        }
    }, { client, now: world.now, sleep: world.sleep, random: world.random, log });
    const request = { ...settings, result: waited, eventId };
    const settlement = await settle(request, client);
    for (const line of settlementLines(settlement))
        log[line.level](line.text);
    if (!settlement.done && settlement.abortReason) {
        log.warning('Nothing will try to abort the execution again: check it in Harness.');
    }
    const result = settledResult(request, settlement);
    outputs.add(resultOutputs(result));
    log[result.outcome === 'passed' ? 'info' : 'fail'](result.message);
    return exitCodeOf(result, world);
}
function outputSink(options, world, redactor, log) {
    return new OutputSink(options.format, options.outputFile, {
        stdout: world.stdout,
        writeFile: world.writeFile,
        redact: text => redactor.redact(text),
        warning: log.warning,
        error: log.error
    });
}
function announce(settings, log) {
    log.info(describeTarget(settings));
    if (!settings.image.image) {
        log.notice('No image found (--image, --build-outputs): the body has no "image" key.');
    }
}
function settingSources(options, world, redactor) {
    const ci = detectCi(world.env, world.git);
    return {
        value: options.value,
        env: world.env,
        context: options.ciContext ? { key: 'ci', value: ci, branch: ci.branch } : undefined,
        sha: ci.sha,
        redactor
    };
}
function acceptedOutputs(accepted) {
    return {
        [Outputs.EventCorrelationId]: accepted.eventCorrelationId,
        [Outputs.UiUrl]: accepted.uiUrl,
        [Outputs.ApiUrl]: accepted.apiUrl,
        [Outputs.UiSetupUrl]: accepted.uiSetupUrl
    };
}
function resultOutputs(result) {
    return {
        [Outputs.WebhookStatus]: result.webhookStatus,
        [Outputs.ExecutionId]: result.executionId,
        [Outputs.ExecutionUrl]: result.executionUrl,
        [Outputs.Status]: result.status
    };
}
function exitCodeOf(result, world) {
    const cancelled = cancelledCode(world);
    if (result.outcome === 'cancelled' || cancelled !== undefined) {
        return cancelled ?? ExitCode.SIGINT;
    }
    if (result.outcome === 'passed')
        return ExitCode.Ok;
    return result.outcome === 'timeout' ? ExitCode.TimedOut : ExitCode.Failed;
}
function exitCodeOfFailure(error, world) {
    if (error instanceof SettingError || error instanceof UsageError)
        return ExitCode.InputError;
    return cancelledCode(world) ?? ExitCode.Failed;
}
function cancelledCode(world) {
    const signal = world.cancelledBy();
    return signal === undefined ? undefined : ExitCode[signal];
}
function failureText(error) {
    if (error instanceof SettingError)
        return describeSettingError(error);
    return messageOf(error);
}


/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
