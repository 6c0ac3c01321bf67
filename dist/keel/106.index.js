export const id = 106;
export const ids = [106];
export const modules = {

/***/ 13106:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RedisLeaseClient: () => (/* binding */ RedisLeaseClient)
/* harmony export */ });
/* harmony import */ var _redis_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90488);
/**
 * Slot leases in Redis: the only module that loads the Redis client, imported dynamically by
 * `redis-slots.ts` when the configuration names a Redis server — never on the hot path of a run that does not,
 * never by the early resume.
 *
 * Why `@redis/client`: the official client's core (node-redis without its module bundles), no dependencies
 * of its own, TypeScript types, reconnects by itself, and `disableOfflineQueue` makes a command fail at
 * once while the server is unreachable (a request must not wait for a coordination store to come back:
 * the router falls back to the leases of this machine).
 *
 * A lease is one key per slot index, `<prefix><k>` for k < maxParallel, set with `NX` and a TTL, holding a
 * token of this process: taking one is one script that tries the indexes in order and counts the held ones.
 * The TTL is renewed while the request runs (every third of it); a process that dies stops renewing and its
 * slots free themselves when the TTL runs out. Release deletes the key only if it still holds our token, and
 * publishes the new count on the endpoint's channel so the other processes' waiting requests wake at once.
 */

const ACQUIRE = `
local token, ttl, cap = ARGV[1], ARGV[2], tonumber(ARGV[3])
local got = -1
for k = 1, cap do
  if redis.call('SET', KEYS[k], token, 'NX', 'PX', ttl) then got = k - 1; break end
end
local held = 0
for k = 1, #KEYS do held = held + redis.call('EXISTS', KEYS[k]) end
return {got, held}`;
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE = `
local released = 0
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]); released = 1 end
local held = 0
for k = 2, #KEYS do held = held + redis.call('EXISTS', KEYS[k]) end
if released == 1 then redis.call('PUBLISH', ARGV[2], held) end
return held`;
const COUNT = `
local held = 0
for k = 1, #KEYS do held = held + redis.call('EXISTS', KEYS[k]) end
return held`;
class RedisLeaseClient {
    #client;
    #subscriber;
    #ttlMs;
    #held = new Map();
    #channels = new Set();
    #onPublished;
    #renewal;
    #lastError;
    constructor(options) {
        this.#ttlMs = options.ttlMs;
        this.#onPublished = options.onPublished;
        this.#client = (0,_redis_client__WEBPACK_IMPORTED_MODULE_0__.createClient)({
            url: options.url,
            ...(options.password !== undefined ? { password: options.password } : {}),
            disableOfflineQueue: true,
            socket: {
                connectTimeout: options.connectTimeoutMs,
                // Back off to at most 5 s between tries; never give up (the fallback covers the meantime).
                reconnectStrategy: (retries) => Math.min(5_000, 100 * 2 ** Math.min(retries, 6)),
            },
        });
        this.#subscriber = this.#client.duplicate();
        // Without a listener an 'error' event would end the process; the state is read through `ready`.
        for (const client of [this.#client, this.#subscriber])
            client.on('error', (error) => {
                this.#lastError = error instanceof Error ? error.message : String(error);
            });
    }
    /** Connects both connections; resolves once they are ready (they keep trying in the background). */
    async connect() {
        await Promise.all([this.#client.connect(), this.#subscriber.connect()]);
    }
    get ready() {
        return this.#client.isReady;
    }
    get lastError() {
        return this.#lastError;
    }
    async listen(channel) {
        if (this.#channels.has(channel))
            return;
        this.#channels.add(channel);
        await this.#subscriber.subscribe(channel, (message) => {
            const held = Number(message);
            if (Number.isFinite(held))
                this.#onPublished(channel, held);
        });
    }
    /** Takes the first free slot among `keys` (index order); how many of `keys` are held afterwards. */
    async acquire(keys, token, channel) {
        const reply = (await this.#client.eval(ACQUIRE, {
            keys,
            arguments: [token, String(this.#ttlMs), String(keys.length)],
        }));
        const [index, held] = reply;
        if (index < 0)
            return { held };
        const key = keys[index];
        this.#held.set(key, { key, token, countKeys: keys, channel });
        this.#renewLater();
        return { lease: { key, token }, held };
    }
    /** Releases the lease; the held count of its endpoint afterwards. */
    async release(lease) {
        const held = this.#held.get(lease.key);
        this.#held.delete(lease.key);
        if (this.#held.size === 0)
            this.#stopRenewal();
        return (await this.#client.eval(RELEASE, {
            keys: [lease.key, ...(held?.countKeys ?? [])],
            arguments: [lease.token, held?.channel ?? ''],
        }));
    }
    async count(keys) {
        return (await this.#client.eval(COUNT, { keys }));
    }
    async close() {
        this.#stopRenewal();
        await Promise.allSettled([this.#client.close(), this.#subscriber.close()]);
        // A connection still trying to connect is not closed by close(): end it.
        for (const client of [this.#client, this.#subscriber])
            if (client.isOpen)
                client.destroy();
    }
    #renewLater() {
        if (this.#renewal !== undefined)
            return;
        this.#renewal = setInterval(() => void this.#renew(), Math.max(100, Math.floor(this.#ttlMs / 3)));
        // A lease never keeps the process alive: its request does.
        this.#renewal.unref();
    }
    #stopRenewal() {
        if (this.#renewal !== undefined)
            clearInterval(this.#renewal);
        this.#renewal = undefined;
    }
    async #renew() {
        await Promise.allSettled([...this.#held.values()].map((lease) => this.#client.eval(RENEW, { keys: [lease.key], arguments: [lease.token, String(this.#ttlMs)] })));
    }
}


/***/ })

};
