import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 331:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ actionLog),
  K: () => (/* binding */ toolkitPrinters)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 4 modules
var core = __nccwpck_require__(533);
;// CONCATENATED MODULE: ./src/core/log.ts
const LEVELS = ['info', 'notice', 'warning', 'error', 'debug', 'fail'];
function createLog(sinks, redactor) {
    const line = (text) => safeLine(text, redactor);
    return Object.fromEntries(LEVELS.map(level => [level, (text) => sinks[level](line(text))]));
}
const MAX_LINE_LENGTH = 4000;
function safeLine(text, redactor) {
    const line = notACommand(oneLine(redactor.redact(String(text))));
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
function oneLine(text) {
    return text.replace(UNSAFE, char => ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const COMMAND_START = /^[\s\ufeff]*::/;
function notACommand(line) {
    const safe = line.replace(/##\[/g, '##\\[');
    return COMMAND_START.test(safe) ? `\\${safe}` : safe;
}

;// CONCATENATED MODULE: ./src/action/log-sinks.ts


const toolkitPrinters = { info: core/* info */.pq, notice: core/* notice */.lm, warning: core/* warning */.$e, error: core/* error */.z3, debug: core/* debug */.Yz, setFailed: core/* setFailed */.C1 };
function actionLog(core, redactor) {
    return createLog({
        info: line => core.info(line),
        notice: line => core.notice(line),
        warning: line => core.warning(line),
        error: line => (core.error ? core.error(line) : core.warning(line)),
        debug: line => core.debug(line),
        fail: line => core.setFailed(line)
    }, redactor);
}


/***/ }),

/***/ 91:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(315);
/* harmony import */ var _process_runtime_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(543);


await (0,_post_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();
(0,_process_runtime_js__WEBPACK_IMPORTED_MODULE_1__/* .exitWhenFlushed */ .K)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 315:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/redactor.ts + 1 modules
var core_redactor = __nccwpck_require__(250);
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



class request_NetworkError extends Error {
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
        throw new request_NetworkError(`${label}: cancelled before it was sent`, 'cancelled', false);
    }
    const sockets = [];
    let timer;
    let onAbort;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => {
            const after = `${Number((request.timeoutMs / 1000).toFixed(3))} s`;
            reject(new request_NetworkError(`${label}: the request timed out after ${after}`, 'timeout', true));
        }, request.timeoutMs);
        onAbort = () => {
            reject(new request_NetworkError(`${label}: cancelled; the request was abandoned`, 'cancelled', true));
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
        throw new request_NetworkError(`${request.method}: the URL is not valid`, 'other', false);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new request_NetworkError(`${request.method} ${url.host}: only http: and https: URLs are supported`, 'other', false);
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
    return new request_NetworkError(`${label}: ${detail}`, kind, true);
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
            reject(new request_NetworkError(message, 'too-large', true));
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
    if (error instanceof request_NetworkError)
        return error;
    if (error instanceof ProxyFailure)
        return new request_NetworkError(`${label}: ${error.message}`, 'proxy', false);
    const failure = classifySocketError(error);
    return new request_NetworkError(`${label}: ${failure.detail}`, failure.kind, failure.mayHaveReached);
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
function urls_executionPageUrl(endpoint, ids, planExecutionId, module = 'cd') {
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








class client_HarnessApiError extends Error {
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
            if (error instanceof request_NetworkError) {
                throw new request_NetworkError(this.redact(error.message), error.kind, error.mayHaveReached);
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
            throw new client_HarnessApiError(message, error.httpStatus, error.code, error.retryable, known);
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
            throw new client_HarnessApiError(message, response.status, undefined, false);
        }
    }
    apiError(response, reading, known) {
        const message = describeUnsuccessfulAnswer(response, reading, this.redact);
        const code = reading.kind === 'failure' ? reading.code : undefined;
        const retryable = response.status === 429 || response.status >= 500;
        return new client_HarnessApiError(message, response.status, code && this.redact(code), retryable, known);
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
    return (error instanceof request_NetworkError && error.kind === 'connection-refused' && !error.mayHaveReached);
}
function webhookNetworkFailure(error, attempts) {
    if (!(error instanceof request_NetworkError))
        return error;
    if (error.mayHaveReached) {
        return new request_NetworkError(withSentence(error.message, NOT_RETRIED), error.kind, true);
    }
    if (error.kind === 'connection-refused') {
        const message = `${error.message} (gave up after ${attempts} attempts)`;
        return new request_NetworkError(message, error.kind, error.mayHaveReached);
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
function duration_formatElapsed(ms) {
    return formatDuration(ms >= 1000 ? Math.round(ms / 1000) * 1000 : ms);
}

;// CONCATENATED MODULE: ./src/core/wait/failures.ts




function isPassingTrouble(error) {
    if (error instanceof request_NetworkError)
        return error.kind !== 'too-large';
    return error instanceof client_HarnessApiError && error.retryable;
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
            const advice = error instanceof client_HarnessApiError && error.known ? ` ${adviceFor(error.known)}` : '';
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

;// CONCATENATED MODULE: ./src/github/pull-request.ts

const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment'
]);
function isPullRequestEvent(eventName) {
    return eventName !== undefined && PULL_REQUEST_EVENTS.has(eventName);
}
function pullRequestOfPayload(payload) {
    if (!isRecord(payload))
        return {};
    const pr = isRecord(payload.pull_request) ? payload.pull_request : undefined;
    const head = pr && isRecord(pr.head) ? pr.head : undefined;
    const number = positiveInteger(pr?.number) ?? positiveInteger(payload.number);
    const headRef = typeof head?.ref === 'string' && head.ref ? head.ref : undefined;
    return { number, headRef };
}
function positiveInteger(value) {
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

;// CONCATENATED MODULE: ./src/action/github-context.ts


function githubContextFromEnv(env, eventPayload) {
    const value = (name) => {
        const text = env[name]?.trim();
        return text ? text : undefined;
    };
    const event = value('GITHUB_EVENT_NAME');
    const isPullRequest = isPullRequestEvent(event);
    const pullRequest = isPullRequest ? pullRequestOfPayload(eventPayload) : undefined;
    const context = {
        repository: value('GITHUB_REPOSITORY'),
        ref: value('GITHUB_REF'),
        branch: isPullRequest
            ? (value('GITHUB_HEAD_REF') ?? pullRequest?.headRef)
            : pushedBranch(value('GITHUB_REF'), value('GITHUB_REF_NAME'), value('GITHUB_REF_TYPE')),
        sha: value('GITHUB_SHA'),
        runId: value('GITHUB_RUN_ID'),
        runAttempt: value('GITHUB_RUN_ATTEMPT'),
        runUrl: runUrl(value('GITHUB_SERVER_URL'), value('GITHUB_REPOSITORY'), value('GITHUB_RUN_ID')),
        workflow: value('GITHUB_WORKFLOW'),
        job: value('GITHUB_JOB'),
        actor: value('GITHUB_ACTOR'),
        event,
        prNumber: pullRequest?.number
    };
    return withoutUndefined(context);
}
function pushedBranch(ref, refName, refType) {
    if (refType === 'branch' && refName)
        return refName;
    if (ref?.startsWith('refs/heads/'))
        return ref.slice('refs/heads/'.length);
    return undefined;
}
function runUrl(server, repository, runId) {
    if (!server || !repository || !runId)
        return undefined;
    return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
}

;// CONCATENATED MODULE: ./src/action/inputs.ts



const Inputs = {
    ...Setting,
    GithubContext: 'github-context',
    Summary: 'summary',
    CommentOnPr: 'comment-on-pr',
    GithubToken: 'github-token'
};
function readInputs(sources) {
    const input = (name) => sources.getInput(name).trim();
    const githubToken = input(Inputs.GithubToken) || undefined;
    sources.redactor.add(githubToken);
    const useGithubContext = readBoolean(Inputs.GithubContext, input(Inputs.GithubContext), true);
    const github = useGithubContext
        ? githubContextFromEnv(sources.env, sources.readEventPayload())
        : undefined;
    const settings = readSettings({
        value: name => sources.getInput(name),
        env: sources.env,
        context: github && { key: 'github', value: github, branch: github.branch },
        sha: sources.env.GITHUB_SHA?.trim() || undefined,
        redactor: sources.redactor
    });
    return {
        ...settings,
        summary: readBoolean(Inputs.Summary, input(Inputs.Summary), true),
        commentOnPr: readBoolean(Inputs.CommentOnPr, input(Inputs.CommentOnPr), false),
        githubToken
    };
}

// EXTERNAL MODULE: ./src/action/process-runtime.ts + 5 modules
var process_runtime = __nccwpck_require__(543);
;// CONCATENATED MODULE: ./src/action/state.ts
const StateName = {
    Watched: 'watched',
    ExecutionId: 'executionId',
    Done: 'done'
};
const ID_SHAPE = /^[A-Za-z0-9_$-]{1,128}$/;
class ActionState {
    core;
    redactor;
    constructor(core, redactor) {
        this.core = core;
        this.redactor = redactor;
    }
    saveWatched(watched) {
        const ids = [watched.eventId, watched.accountId, watched.orgId, watched.projectId];
        if (!ids.every(id => this.isSafeId(id)) || !this.isSafe(watched.gateway))
            return false;
        const { gateway, accountId, orgId, projectId, eventId } = watched;
        this.core.saveState(StateName.Watched, JSON.stringify({ gateway, accountId, orgId, projectId, eventId }));
        return true;
    }
    saveExecutionId(executionId) {
        if (!this.isSafeId(executionId))
            return false;
        this.core.saveState(StateName.ExecutionId, executionId);
        return true;
    }
    markDone() {
        this.core.saveState(StateName.Done, 'true');
    }
    load() {
        if (this.core.getState(StateName.Done) === 'true')
            return { kind: 'done' };
        const raw = this.core.getState(StateName.Watched);
        if (!raw)
            return { kind: 'nothing' };
        const watched = parseWatched(raw);
        if (!watched || !this.isSafe(watched.gateway)) {
            return { kind: 'unreadable', problem: `state '${StateName.Watched}' is not what main saves` };
        }
        const executionId = this.core.getState(StateName.ExecutionId) || undefined;
        if (executionId !== undefined && !this.isSafeId(executionId)) {
            return { kind: 'unreadable', problem: `state '${StateName.ExecutionId}' is not an id` };
        }
        return { kind: 'unfinished', watched, executionId };
    }
    isSafeId(value) {
        return ID_SHAPE.test(value) && this.isSafe(value);
    }
    isSafe(value) {
        return this.redactor.redact(value) === value;
    }
}
function parseWatched(raw) {
    let value;
    try {
        value = JSON.parse(raw);
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null)
        return undefined;
    const record = value;
    const ids = [record.eventId, record.accountId, record.orgId, record.projectId];
    if (!ids.every(id => typeof id === 'string' && ID_SHAPE.test(id)))
        return undefined;
    if (typeof record.gateway !== 'string' || !/^https?:\/\/\S+$/.test(record.gateway)) {
        return undefined;
    }
    return {
        gateway: record.gateway,
        accountId: record.accountId,
        orgId: record.orgId,
        projectId: record.projectId,
        eventId: record.eventId
    };
}

;// CONCATENATED MODULE: ./src/action/words.ts




function failureText(error) {
    if (error instanceof SettingError)
        return `Input '${error.setting}': ${error.problem}`;
    if (error instanceof client_HarnessApiError && error.known) {
        const advice = adviceFor(error.known, setting => `input '${setting}'`);
        return `${error.message.replace(/[.\s]+$/, '')}. ${advice}`;
    }
    return messageOf(error);
}

// EXTERNAL MODULE: ./src/action/log-sinks.ts + 1 modules
var log_sinks = __nccwpck_require__(331);
;// CONCATENATED MODULE: ./src/action/post.ts








const POST_LOOKS = 3;
async function run(runtime = (0,process_runtime/* processRuntime */.q)()) {
    const { core } = runtime;
    const redactor = new core_redactor/* Redactor */.p(secret => core.setSecret(secret));
    const log = (0,log_sinks/* actionLog */.Z)(core, redactor);
    let settings;
    let settingsProblem;
    try {
        settings = readInputs({
            getInput: name => core.getInput(name),
            env: runtime.env,
            readEventPayload: runtime.readEventPayload,
            redactor
        });
    }
    catch (error) {
        settingsProblem = error;
    }
    const warn = (text) => log.warning(text);
    const state = new ActionState(core, redactor).load();
    if (state.kind === 'nothing' || state.kind === 'done')
        return;
    if (state.kind === 'unreadable')
        return warn(`Post step: ${state.problem}; nothing was aborted.`);
    if (!settings) {
        return warn(`Post step: could not read the settings (${failureText(settingsProblem)}).`);
    }
    if (!settings.abortOnCancel)
        return;
    const mismatch = mismatchOf(state.watched, settings);
    if (mismatch)
        return warn(`Post step: the saved state names ${mismatch}; it is ignored.`);
    const what = state.executionId ? `execution ${state.executionId}` : 'the execution';
    log.info(`The main step did not see ${what} end: aborting it.`);
    const client = new HarnessClient({
        endpoint: settings.endpoint,
        apiKey: settings.apiKey,
        redactor,
        send: runtime.send
    });
    const target = {
        eventId: state.watched.eventId,
        scope: settings.ids,
        executionId: state.executionId
    };
    const never = new AbortController().signal;
    const outcome = await findAndAbort(target, client, {
        abortAttempts: 2,
        lookAttempts: POST_LOOKS,
        sleep: ms => runtime.sleep(ms, never)
    });
    for (const line of settlementLines(outcome))
        log[line.level](line.text);
    if (!outcome.done)
        warn('The execution may still be running in Harness.');
}
function mismatchOf(watched, settings) {
    if (watched.gateway !== settings.endpoint.gateway)
        return 'another Harness gateway';
    const { accountId, orgId, projectId } = settings.ids;
    if (watched.accountId !== accountId ||
        watched.orgId !== orgId ||
        watched.projectId !== projectId) {
        return 'another project';
    }
    return undefined;
}


/***/ }),

/***/ 543:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  K: () => (/* binding */ exitWhenFlushed),
  q: () => (/* binding */ processRuntime)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 4 modules
var core = __nccwpck_require__(533);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/action/file-commands.ts




function randomBytesFromSystem(size) {
    const bytes = new Uint8Array(size);
    try {
        const fd = (0,external_node_fs_namespaceObject.openSync)('/dev/urandom', 'r');
        try {
            if ((0,external_node_fs_namespaceObject.readSync)(fd, bytes, 0, size, null) === size)
                return bytes;
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
        }
    }
    catch {
    }
    const { randomFillSync } = (0,external_node_module_namespaceObject.createRequire)(import.meta.url)('node:crypto');
    return randomFillSync(bytes);
}
function keyValueBlock(name, value, random) {
    const hex = Array.from(random(16), byte => byte.toString(16).padStart(2, '0')).join('');
    const delimiter = `ghadelimiter_${hex}`;
    if (name.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (value.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}`;
}
function issueFileCommand(path, block) {
    if (!(0,external_node_fs_namespaceObject.existsSync)(path))
        throw new Error(`Missing file at path: ${path}`);
    (0,external_node_fs_namespaceObject.appendFileSync)(path, `${block}${external_node_os_namespaceObject.EOL}`, { encoding: 'utf8' });
}
function issueCommand(command, name, value) {
    const data = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const property = name
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
    process.stdout.write(`::${command} name=${property}::${data}${external_node_os_namespaceObject.EOL}`);
}
function runnerFileCommands(env = process.env, random = randomBytesFromSystem) {
    return {
        setOutput(name, value) {
            const path = env.GITHUB_OUTPUT;
            if (path)
                return issueFileCommand(path, keyValueBlock(name, value, random));
            process.stdout.write(external_node_os_namespaceObject.EOL);
            issueCommand('set-output', name, value);
        },
        saveState(name, value) {
            const path = env.GITHUB_STATE;
            if (path)
                return issueFileCommand(path, keyValueBlock(name, value, random));
            issueCommand('save-state', name, value);
        },
        summary: {
            addRaw(text, addEOL = false) {
                const chunk = addEOL ? `${text}${external_node_os_namespaceObject.EOL}` : text;
                return { write: async () => appendStepSummary(env.GITHUB_STEP_SUMMARY, chunk) };
            }
        }
    };
}
function appendStepSummary(path, text) {
    if (!path) {
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    }
    try {
        (0,external_node_fs_namespaceObject.accessSync)(path, external_node_fs_namespaceObject.constants.R_OK | external_node_fs_namespaceObject.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`);
    }
    (0,external_node_fs_namespaceObject.appendFileSync)(path, text, { encoding: 'utf8' });
}
const fileCommands =  true
    ? runnerFileCommands()
    : 0;

// EXTERNAL MODULE: ./src/action/log-sinks.ts + 1 modules
var log_sinks = __nccwpck_require__(331);
// EXTERNAL MODULE: ./src/core/redactor.ts + 1 modules
var redactor = __nccwpck_require__(250);
;// CONCATENATED MODULE: ./src/action/process-runtime.ts






const process_runtime_core = {
    getInput: core/* getInput */.V4,
    setSecret: core/* setSecret */.Pq,
    getState: core/* getState */.Gu,
    ...log_sinks/* toolkitPrinters */.K,
    ...fileCommands
};
const log = (0,log_sinks/* actionLog */.Z)(process_runtime_core, new redactor/* Redactor */.p());
function processRuntime() {
    const cancellation = new AbortController();
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.on(signal, () => {
            log.info(`Received ${signal}: the run is being cancelled.`);
            cancellation.abort();
        });
    }
    return {
        core: process_runtime_core,
        env: process.env,
        readEventPayload,
        cancelSignal: cancellation.signal,
        now: () => Date.now(),
        sleep: (ms, signal) => (0,promises_namespaceObject.setTimeout)(ms, undefined, { signal }).catch(() => undefined),
        random: Math.random
    };
}
function exitWhenFlushed() {
    setTimeout(() => process.exit(), 1000).unref();
    process.stdout.write('', () => process.exit());
}
function readEventPayload() {
    const path = process.env.GITHUB_EVENT_PATH;
    if (!path)
        return undefined;
    try {
        const value = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8'));
        return value && typeof value === 'object' ? value : undefined;
    }
    catch {
        log.debug('Could not read the event payload at GITHUB_EVENT_PATH.');
        return undefined;
    }
}


/***/ }),

/***/ 250:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  p: () => (/* binding */ Redactor)
});

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


/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 533:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ debug),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  Gu: () => (/* binding */ getState),
  pq: () => (/* binding */ info),
  lm: () => (/* binding */ notice),
  C1: () => (/* binding */ setFailed),
  Pq: () => (/* binding */ setSecret),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, exportVariable, getBooleanInput, getIDToken, getMultilineInput, group, isDebug, markdownSummary, platform, saveState, setCommandEcho, setOutput, startGroup, summary, toPlatformPath, toPosixPath, toWin32Path

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return __awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return __awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

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
/******/ var __webpack_exports__ = __nccwpck_require__(91);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
