/*
 * shim.h — the minimal C layer between Swift and liblua5.4 (ENGINEERING §2).
 *
 * Holds only what Swift cannot do or must not do itself:
 *   - inline wrappers for Lua's function-like macros and variadics;
 *   - the error trampoline: Swift callbacks return a count or a sentinel and C
 *     raises the Lua error after the Swift frame is gone;
 *   - the traceback message handler;
 *   - the counting allocator (memory limit) and the timeout hook;
 *   - coroutine.resume / wrap / close replacements that track the running
 *     thread, so a timeout can also be armed inside a coroutine;
 *   - the per-record fast paths: `c[i]` and `r.field` for plain typed columns,
 *     read from column memory the bridge publishes (ENGINEERING §4); everything
 *     else goes on to the Swift callbacks through the trampoline.
 */
#ifndef SAMVERKAN_CLUA_SHIM_H
#define SAMVERKAN_CLUA_SHIM_H

#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>
#include <pthread.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- per-state bookkeeping, kept in the allocator's user data ---------- */

/* One field of a collection as the record fast path reads it (see sv_record_index). */
enum { SV_COLUMN_OTHER = 0, SV_COLUMN_INTEGER, SV_COLUMN_INTEGER32, SV_COLUMN_NUMBER, SV_COLUMN_BOOLEAN,
       SV_COLUMN_TEXT };
typedef struct sv_column {
    const void *key;          /* address of the interned field name (anchored in the registry) */
    int kind;                 /* SV_COLUMN_*; OTHER: the Swift callback answers */
    const void *values;       /* int64_t[], int32_t[], double[], uint8_t[] (booleans) or the UTF-8 bytes */
    const uint32_t *ends;     /* text: the end offset of each row's bytes */
    const uint64_t *missing;  /* bit r set: row r has no value */
    size_t missing_words;
} sv_column;

typedef struct sv_collection {
    const sv_column *columns;
    int count;
} sv_collection;

/* Small blocks (most Lua objects: records, short strings, small tables) come from slabs
   and go back to free lists by size class, not to malloc: the process has more than one
   thread (the watchdog), so every malloc/free would take glibc's locks, and a count over a
   million records spent a quarter of its time there. The slabs are freed with the state. */
#define SV_POOL_CLASSES 8                 /* 16, 32, ..., 128 bytes */
#define SV_POOL_LIMIT (SV_POOL_CLASSES * 16)
#define SV_POOL_SLAB (64 * 1024)
typedef struct sv_pool {
    void *free[SV_POOL_CLASSES];          /* free blocks; the first word links them */
    char *cursor, *end;                   /* what is left of the newest slab */
    void *slabs;                          /* every slab; the first word links them */
} sv_pool;

typedef struct sv_state {
    size_t used;            /* bytes currently allocated by this state */
    size_t limit;           /* 0 = no limit */
    int enforcing;          /* the limit applies only while Lua code runs */
    int limit_hit;          /* an allocation was refused because of the limit */
    int timed_out;          /* set by the watchdog at the deadline; read atomically by the hook */
    lua_State *main;
    lua_State *current;     /* the thread running now (main or a coroutine) */
    pthread_mutex_t lock;   /* guards current and hook arming */
    void *host;             /* the Swift runtime (unretained) */
    char timeout_message[160];
    sv_pool pool;
    /* The record fast path: columns per collection id, the record metatable's registry
       reference, and the Swift callbacks that answer what the fast paths do not. */
    const sv_collection *collections;
    int ncollections;
    int record_metatable;
    lua_CFunction record_index;
    lua_CFunction collection_index;
    /* Registry reference of the metatable of parameter errors (param_error); 0 until set. */
    int param_error_meta;
} sv_state;

/* True while Lua runs a __gc finalizer. Lua (5.4.4 and later) stops its collector with
   GCSTPGC around each finalizer, and lua_gc answers -1 then without touching the state, so
   this is safe to ask from inside the allocator. Finalizers can run wherever the collector
   steps -- inside a Swift callback (limit lifted) or in lua_close -- so their allocations are
   held to the limit wherever they happen; a refused one is an error inside the finalizer's
   own protected call, never a longjmp over a Swift frame. */
static inline int sv_in_finalizer(sv_state *st) {
    return st->main != NULL && lua_gc(st->main, LUA_GCISRUNNING) < 0;
}

static inline void *sv_pool_get(sv_pool *pool, size_t size) {
    size_t c = (size - 1) >> 4;
    void *block = pool->free[c];
    if (block != NULL) {
        pool->free[c] = *(void **)block;
        return block;
    }
    size_t bytes = (c + 1) << 4;
    if (pool->cursor == NULL || (size_t)(pool->end - pool->cursor) < bytes) {
        char *slab = (char *)malloc(SV_POOL_SLAB);
        if (slab == NULL) return NULL;
        *(void **)slab = pool->slabs;
        pool->slabs = slab;
        pool->cursor = slab + 16;       /* the link, kept 16-byte aligned */
        pool->end = slab + SV_POOL_SLAB;
    }
    block = pool->cursor;
    pool->cursor += bytes;
    return block;
}

static inline void sv_pool_put(sv_pool *pool, void *block, size_t size) {
    size_t c = (size - 1) >> 4;
    *(void **)block = pool->free[c];
    pool->free[c] = block;
}

static inline void sv_pool_free_all(sv_pool *pool) {
    void *slab = pool->slabs;
    while (slab != NULL) {
        void *next = *(void **)slab;
        free(slab);
        slab = next;
    }
    memset(pool, 0, sizeof *pool);
}

/* A block of `size` bytes: from the pool when small, else from malloc. */
static inline void *sv_block_alloc(sv_state *st, size_t size) {
    return size <= SV_POOL_LIMIT ? sv_pool_get(&st->pool, size) : malloc(size);
}

static inline void sv_block_free(sv_state *st, void *ptr, size_t size) {
    if (size <= SV_POOL_LIMIT) sv_pool_put(&st->pool, ptr, size); else free(ptr);
}

static inline void *sv_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    sv_state *st = (sv_state *)ud;
    if (ptr == NULL) osize = 0;
    if (nsize == 0) {
        if (ptr != NULL) sv_block_free(st, ptr, osize);
        st->used -= osize;
        return NULL;
    }
    if (nsize > osize && st->limit != 0 && (st->enforcing || sv_in_finalizer(st))) {
        size_t grow = nsize - osize;
        /* compared without overflow: used <= limit is kept as an invariant while enforcing */
        if (st->used > st->limit || grow > st->limit - st->used) {
            st->limit_hit = 1;
            return NULL;
        }
    }
    void *p;
    if (ptr != NULL && osize > SV_POOL_LIMIT && nsize > SV_POOL_LIMIT) {
        p = realloc(ptr, nsize);
    } else if (ptr != NULL && osize <= SV_POOL_LIMIT && nsize <= SV_POOL_LIMIT
               && (osize - 1) >> 4 == (nsize - 1) >> 4) {
        p = ptr;                          /* the same size class */
    } else {
        p = sv_block_alloc(st, nsize);
        if (p != NULL && ptr != NULL) {
            memcpy(p, ptr, osize < nsize ? osize : nsize);
            sv_block_free(st, ptr, osize);
        }
    }
    if (p == NULL) { return NULL; }   /* shrinking never fails in practice; Lua copes */
    st->used = st->used - osize + nsize;
    return p;
}

static inline int sv_panic(lua_State *L) {
    (void)L;
    /* Only reached if something runs outside a pcall: a bug, never input. */
    abort();
    return 0;
}

static inline sv_state *sv_getstate(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (sv_state *)ud;
}

/* Creates a state with the counting allocator; the limit is not enforced yet. */
static inline lua_State *sv_newstate(size_t limit) {
    sv_state *st = (sv_state *)calloc(1, sizeof(sv_state));
    if (st == NULL) return NULL;
    st->limit = limit;
    pthread_mutex_init(&st->lock, NULL);
    lua_State *L = lua_newstate(sv_alloc, st);
    if (L == NULL) { sv_pool_free_all(&st->pool); free(st); return NULL; }
    st->main = L;
    st->current = L;
    lua_atpanic(L, sv_panic);
    /* The collector runs only inside sv_pcall_traced: a step taken between runs could call a
       script's finalizer where no watchdog watches (ENGINEERING §3). */
    lua_gc(L, LUA_GCSTOP);
    return L;
}

static inline void sv_close(lua_State *L) {
    sv_state *st = sv_getstate(L);
    st->enforcing = 0;
    lua_close(L);
    sv_pool_free_all(&st->pool);
    pthread_mutex_destroy(&st->lock);
    free(st);
}

/* ---- timeout ----------------------------------------------------------- */

static inline void sv_timeout_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    sv_state *st = sv_getstate(L);
    /* Written by the watchdog thread under the lock; the hook reads it without it. */
    if (__atomic_load_n(&st->timed_out, __ATOMIC_ACQUIRE)) {
        /* The hook stays set, so the next instruction after a pcall that
           swallowed this error raises it again. */
        luaL_error(L, "%s", st->timeout_message);
    }
}

static inline void sv_arm_hook_locked(lua_State *L) {
    lua_sethook(L, sv_timeout_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
}

/* Called from the watchdog thread at the deadline. */
static inline void sv_trigger_timeout(lua_State *L) {
    sv_state *st = sv_getstate(L);
    pthread_mutex_lock(&st->lock);
    __atomic_store_n(&st->timed_out, 1, __ATOMIC_RELEASE);
    sv_arm_hook_locked(st->main);
    if (st->current != NULL && st->current != st->main) sv_arm_hook_locked(st->current);
    pthread_mutex_unlock(&st->lock);
}

/* After a run: no timeout, no hook, the limit hit forgotten. */
static inline void sv_reset_limits(lua_State *L) {
    sv_state *st = sv_getstate(L);
    pthread_mutex_lock(&st->lock);
    __atomic_store_n(&st->timed_out, 0, __ATOMIC_RELEASE);
    st->limit_hit = 0;
    lua_sethook(st->main, NULL, 0, 0);
    pthread_mutex_unlock(&st->lock);
}

static inline void sv_set_timeout_message(lua_State *L, const char *message) {
    sv_state *st = sv_getstate(L);
    strncpy(st->timeout_message, message, sizeof(st->timeout_message) - 1);
}

/* ---- coroutines that can be timed out ---------------------------------- */

/* Makes co the running thread, with the hook armed on it if the timeout has fired
   already; returns the thread that ran before. */
static inline lua_State *sv_track_enter(sv_state *st, lua_State *co) {
    pthread_mutex_lock(&st->lock);
    lua_State *previous = st->current;
    st->current = co;
    if (st->timed_out) sv_arm_hook_locked(co);
    pthread_mutex_unlock(&st->lock);
    return previous;
}

/* Back on L after co: previous runs again, and L gets the hook if the timeout fired. */
static inline void sv_track_leave(sv_state *st, lua_State *L, lua_State *previous) {
    pthread_mutex_lock(&st->lock);
    st->current = previous;
    if (st->timed_out) sv_arm_hook_locked(L);
    pthread_mutex_unlock(&st->lock);
}

/* Resumes co with narg arguments already on co's stack, tracking the running
   thread. Returns the status of lua_resume; *nres receives the result count. */
static inline int sv_tracked_resume(lua_State *L, lua_State *co, int narg, int *nres) {
    sv_state *st = sv_getstate(L);
    lua_State *previous = sv_track_enter(st, co);
    int status = lua_resume(co, L, narg, nres);
    sv_track_leave(st, L, previous);
    return status;
}

/* lua_resetthread(co) -- which runs co's pending __close handlers -- tracking co as the
   running thread, so the timeout hook reaches a handler that loops. */
static inline int sv_tracked_reset(lua_State *L, lua_State *co) {
    sv_state *st = sv_getstate(L);
    lua_State *previous = sv_track_enter(st, co);
    int status = lua_resetthread(co);
    sv_track_leave(st, L, previous);
    return status;
}

/* auxresume of lcorolib.c, through sv_tracked_resume. */
static inline int sv_auxresume(lua_State *L, lua_State *co, int narg) {
    int status, nres;
    if (!lua_checkstack(co, narg)) {
        lua_pushliteral(L, "too many arguments to resume");
        return -1;
    }
    lua_xmove(L, co, narg);
    status = sv_tracked_resume(L, co, narg, &nres);
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1)) {
            lua_pop(co, nres);
            lua_pushliteral(L, "too many results to resume");
            return -1;
        }
        lua_xmove(co, L, nres);
        return nres;
    }
    lua_xmove(co, L, 1);
    return -1;
}

static inline int sv_co_resume(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co, 1, "coroutine");
    int r = sv_auxresume(L, co, lua_gettop(L) - 1);
    if (r < 0) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushboolean(L, 1);
    lua_insert(L, -(r + 1));
    return r + 1;
}

static inline int sv_co_auxwrap(lua_State *L) {
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int r = sv_auxresume(L, co, lua_gettop(L));
    if (r < 0) {
        int stat = lua_status(co);
        if (stat != LUA_OK && stat != LUA_YIELD) {
            stat = sv_tracked_reset(L, co);
            lua_xmove(co, L, 1);
        }
        if (stat != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    return r;
}

static inline int sv_co_wrap(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *NL = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, NL, 1);
    lua_pushcclosure(L, sv_co_auxwrap, 1);
    return 1;
}

/* luaB_close of lcorolib.c, through sv_tracked_reset. */
static inline int sv_co_close(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co, 1, "coroutine");
    const char *what = NULL;
    if (co == L) what = "running";
    else if (lua_status(co) == LUA_OK) {
        lua_Debug ar;
        if (lua_getstack(co, 0, &ar)) what = "normal";
    }
    if (what != NULL) return luaL_error(L, "cannot close a %s coroutine", what);
    if (sv_tracked_reset(L, co) == LUA_OK) {
        lua_pushboolean(L, 1);
        return 1;
    }
    lua_pushboolean(L, 0);
    lua_xmove(co, L, 1);
    return 2;
}

/* Replaces resume, wrap and close in the coroutine table on top of the stack. */
static inline void sv_patch_coroutine(lua_State *L) {
    lua_pushcfunction(L, sv_co_resume);
    lua_setfield(L, -2, "resume");
    lua_pushcfunction(L, sv_co_wrap);
    lua_setfield(L, -2, "wrap");
    lua_pushcfunction(L, sv_co_close);
    lua_setfield(L, -2, "close");
}

/* ---- the error trampoline ---------------------------------------------- */

/* A Swift callback: returns the number of results, or one of these. */
/* Pushes "chunk:line: " of the innermost script frame, skipping the host's own
   Lua helpers (chunks named "=[samverkan...]"), so errors point at user code. A file's
   whole path, not short_src: Lua cuts that to "..." and its last 56 bytes. */
static inline void sv_where_user(lua_State *L) {
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0 && strncmp(ar.source, "=[samverkan", 11) != 0) {
            const char *where = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
            lua_pushfstring(L, "%s:%d: ", where, ar.currentline);
            return;
        }
    }
    lua_pushliteral(L, "");
}

#define SV_RAISE_VALUE (-1)   /* the error value is on top of the stack: raise it as is */
#define SV_RAISE_WHERE (-2)   /* a message string is on top: prefix "chunk:line:" and raise */

typedef int (*sv_swift_fn)(lua_State *L);

/* Runs a Swift callback and raises what it asks for, after its frame is gone. */
static inline int sv_call_swift(lua_State *L, sv_swift_fn fn) {
    sv_state *st = sv_getstate(L);
    int was_enforcing = st->enforcing;
    st->enforcing = 0;            /* Swift's own pushes must not longjmp */
    int n = fn(L);
    st->enforcing = was_enforcing;
    if (n == SV_RAISE_WHERE) {
        sv_where_user(L);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    }
    if (n < 0) return lua_error(L);
    if (was_enforcing && st->limit != 0 && st->used > st->limit) {
        st->limit_hit = 1;
        return luaL_error(L, "not enough memory");
    }
    return n;
}

static inline int sv_trampoline(lua_State *L) {
    return sv_call_swift(L, (sv_swift_fn)lua_touserdata(L, lua_upvalueindex(1)));
}

/* ---- per-record fast paths ---------------------------------------------- */

/* Pushes the record (collection, row) as userdata with the record metatable. */
static inline void sv_push_record(lua_State *L, sv_state *st, int32_t collection, int32_t row) {
    int32_t *handle = (int32_t *)lua_newuserdatauv(L, 2 * sizeof(int32_t), 0);
    handle[0] = collection;
    handle[1] = row;
    lua_rawgeti(L, LUA_REGISTRYINDEX, st->record_metatable);
    lua_setmetatable(L, -2);
}

/* Pushes field `key` (an interned string's address) of record (collection, row) when it
   is a plain integer, number, boolean or text column; returns 0, pushing nothing, otherwise. */
static inline int sv_push_plain_field(lua_State *L, const sv_state *st, int32_t collection, int32_t row,
                                      const void *key) {
    if (collection < 0 || collection >= st->ncollections || row < 0) return 0;
    const sv_collection *c = &st->collections[collection];
    size_t r = (size_t)row;
    for (int i = 0; i < c->count; i++) {
        const sv_column *column = &c->columns[i];
        if (column->key != key) continue;
        if (column->kind == SV_COLUMN_OTHER) return 0;
        if ((r >> 6) < column->missing_words && ((column->missing[r >> 6] >> (r & 63)) & 1)) {
            lua_pushnil(L);
            return 1;
        }
        switch (column->kind) {
        case SV_COLUMN_INTEGER: lua_pushinteger(L, (lua_Integer)((const int64_t *)column->values)[r]); return 1;
        case SV_COLUMN_INTEGER32: lua_pushinteger(L, (lua_Integer)((const int32_t *)column->values)[r]); return 1;
        case SV_COLUMN_NUMBER: lua_pushnumber(L, ((const double *)column->values)[r]); return 1;
        case SV_COLUMN_BOOLEAN: lua_pushboolean(L, ((const uint8_t *)column->values)[r] != 0); return 1;
        case SV_COLUMN_TEXT: {
            uint32_t start = r == 0 ? 0 : column->ends[r - 1];
            lua_pushlstring(L, (const char *)column->values + start, column->ends[r] - start);
            return 1;
        }
        default: return 0;
        }
    }
    return 0;
}

/* __index of records. Lua calls it only for values with the record metatable (which
   scripts cannot reach), so argument 1 is a record: (collection, row) as two int32.
   Plain integer, number, boolean and text fields are read here; the rest, and every
   error, is the Swift callback's. */
static inline int sv_record_index(lua_State *L) {
    sv_state *st = sv_getstate(L);
    const int32_t *handle = (const int32_t *)lua_touserdata(L, 1);
    if (handle != NULL && lua_type(L, 2) == LUA_TSTRING
        && sv_push_plain_field(L, st, handle[0], handle[1], lua_tolstring(L, 2, NULL))) {
        return 1;
    }
    return sv_call_swift(L, (sv_swift_fn)st->record_index);
}

/* __index of collections (and views): `c[i]` is read here, names go to Swift. Argument 1
   is a collection: a header of four int32 (collection, count, all, reserved) and, unless
   `all`, `count` rows. */
static inline int sv_collection_index(lua_State *L) {
    sv_state *st = sv_getstate(L);
    const int32_t *header = (const int32_t *)lua_touserdata(L, 1);
    if (header != NULL && lua_type(L, 2) == LUA_TNUMBER) {
        int isnum = 0;
        lua_Integer i = lua_tointegerx(L, 2, &isnum);
        if (isnum && i >= 1 && i <= header[1]) {
            int32_t row = header[2] ? (int32_t)(i - 1) : header[4 + (i - 1)];
            sv_push_record(L, st, header[0], row);
        } else {
            lua_pushnil(L);
        }
        return 1;
    }
    return sv_call_swift(L, (sv_swift_fn)st->collection_index);
}

/* seek(record, collection, i [, values, names]): makes `record` stand for the i-th record
   of `collection`, and sets values[name] for each name in the array `names` to the field's
   value when it is a plain column, else to nil. Only the --where driver calls it (scripts
   cannot reach it): it moves one record of its own along the collection and never hands
   it out, instead of making a record per row, and reads the fields the expression names
   into a table its environment falls back to, instead of a metamethod call per name. */
static inline int sv_record_seek(lua_State *L) {
    int32_t *handle = (int32_t *)lua_touserdata(L, 1);
    const int32_t *header = (const int32_t *)lua_touserdata(L, 2);
    lua_Integer i = lua_tointeger(L, 3);
    if (handle == NULL || header == NULL || lua_rawlen(L, 1) != 2 * sizeof(int32_t)
        || lua_rawlen(L, 2) < 4 * sizeof(int32_t) || i < 1 || i > header[1]) {
        return luaL_error(L, "seek: bad arguments");
    }
    if (!header[2] && lua_rawlen(L, 2) < (size_t)(4 + header[1]) * sizeof(int32_t)) {
        return luaL_error(L, "seek: bad arguments");
    }
    handle[0] = header[0];
    handle[1] = header[2] ? (int32_t)(i - 1) : header[4 + (i - 1)];
    if (lua_type(L, 4) == LUA_TTABLE && lua_type(L, 5) == LUA_TTABLE) {
        sv_state *st = sv_getstate(L);
        lua_Integer n = (lua_Integer)lua_rawlen(L, 5);
        for (lua_Integer k = 1; k <= n; k++) {
            lua_rawgeti(L, 5, k);
            const void *key = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, NULL) : NULL;
            if (key == NULL || !sv_push_plain_field(L, st, handle[0], handle[1], key)) lua_pushnil(L);
            lua_rawset(L, 4);
        }
    }
    return 0;
}

/* Publishes the fast paths' tables (they stay valid while the state lives). */
static inline void sv_set_fast_paths(lua_State *L, const sv_collection *collections, int count,
                                     int record_metatable, lua_CFunction record_index,
                                     lua_CFunction collection_index) {
    sv_state *st = sv_getstate(L);
    st->collections = collections;
    st->ncollections = count;
    st->record_metatable = record_metatable;
    st->record_index = record_index;
    st->collection_index = collection_index;
}

static inline void sv_push_record_index(lua_State *L) { lua_pushcfunction(L, sv_record_index); }
static inline void sv_push_collection_index(lua_State *L) { lua_pushcfunction(L, sv_collection_index); }
static inline void sv_push_record_seek(lua_State *L) { lua_pushcfunction(L, sv_record_seek); }

/* Pushes a Lua function that calls the Swift callback through the trampoline. */
static inline void sv_pushswift(lua_State *L, sv_swift_fn fn) {
    lua_pushlightuserdata(L, (void *)fn);
    lua_pushcclosure(L, sv_trampoline, 1);
}

/* ---- running chunks ---------------------------------------------------- */

/* Registers the metatable on top of the stack as that of parameter errors. [-1] */
static inline void sv_set_param_error_meta(lua_State *L) {
    sv_getstate(L)->param_error_meta = luaL_ref(L, LUA_REGISTRYINDEX);
}

/* True when the value at idx is a parameter error: a table made by param_error, known by
   its metatable. Raw reads only, no allocation: the message handler asks it. [0] */
static inline int sv_is_param_error(lua_State *L, int idx) {
    sv_state *st = sv_getstate(L);
    if (st->param_error_meta <= 0 || lua_type(L, idx) != LUA_TTABLE) return 0;
    idx = lua_absindex(L, idx);
    if (!lua_getmetatable(L, idx)) return 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, st->param_error_meta);
    int same = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return same;
}

/* Message handler: adds a traceback; copes with non-string error objects. A parameter
   error is no crash: it passes through as it is, for the host to read its fields. */
static inline int sv_msghandler(lua_State *L) {
    if (sv_is_param_error(L, 1)) return 1;
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) {
            msg = lua_tostring(L, -1);
        } else {
            msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        }
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* Calls the function below nargs arguments under the traceback handler.
   The limit is enforced, and the collector runs, only while this runs. After a failure the
   run's garbage is collected here, while the caller's watchdog still watches: its
   finalizers run now (held to the limit by sv_alloc), not later where nothing could stop
   one that loops. */
static inline int sv_pcall_traced(lua_State *L, int nargs, int nresults) {
    sv_state *st = sv_getstate(L);
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, sv_msghandler);
    lua_insert(L, base);
    int was = st->enforcing;
    int collecting = lua_gc(L, LUA_GCISRUNNING);
    if (collecting == 0) lua_gc(L, LUA_GCRESTART);
    st->enforcing = 1;
    int status = lua_pcall(L, nargs, nresults, base);
    st->enforcing = was;
    if (status != LUA_OK) lua_gc(L, LUA_GCCOLLECT);
    if (collecting == 0) lua_gc(L, LUA_GCSTOP);
    lua_remove(L, base);
    return status;
}

/* Loads text only, never binary chunks. */
static inline int sv_loadtext(lua_State *L, const char *buf, size_t len, const char *name) {
    return luaL_loadbufferx(L, buf, len, name, "t");
}

/* ---- wrappers for macros Swift cannot import --------------------------- */

static inline void sv_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void sv_newtable(lua_State *L) { lua_newtable(L); }
static inline const char *sv_tostring(lua_State *L, int i) { return lua_tolstring(L, i, NULL); }
static inline int sv_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline int sv_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline int sv_isnoneornil(lua_State *L, int i) { return lua_type(L, i) <= 0; }
static inline void sv_pushcfunction(lua_State *L, lua_CFunction f) { lua_pushcfunction(L, f); }
static inline void *sv_newuserdata(lua_State *L, size_t size) { return lua_newuserdatauv(L, size, 0); }
static inline void sv_pushliteral(lua_State *L, const char *s) { lua_pushstring(L, s); }
static inline void sv_insert(lua_State *L, int i) { lua_insert(L, i); }
static inline void sv_remove(lua_State *L, int i) { lua_remove(L, i); }
static inline void sv_replace(lua_State *L, int i) { lua_replace(L, i); }
static inline lua_Integer sv_tointeger(lua_State *L, int i, int *isnum) { return lua_tointegerx(L, i, isnum); }
static inline lua_Number sv_tonumber(lua_State *L, int i, int *isnum) { return lua_tonumberx(L, i, isnum); }
static inline int sv_gc_count_kb(lua_State *L) { return lua_gc(L, LUA_GCCOUNT, 0); }
static inline void sv_gc_collect(lua_State *L) { lua_gc(L, LUA_GCCOLLECT, 0); }
static inline size_t sv_used(lua_State *L) { return sv_getstate(L)->used; }
/* True (and the limit marked as hit) when `bytes` more would pass the memory limit. */
static inline int sv_would_exceed(lua_State *L, double bytes) {
    sv_state *st = sv_getstate(L);
    if (st->limit == 0) return 0;
    if (bytes >= (double)st->limit || st->used + (size_t)bytes > st->limit) {
        st->limit_hit = 1;
        return 1;
    }
    return 0;
}
static inline int sv_limit_hit(lua_State *L) { return sv_getstate(L)->limit_hit; }
static inline int sv_timed_out(lua_State *L) { return __atomic_load_n(&sv_getstate(L)->timed_out, __ATOMIC_ACQUIRE); }
static inline void sv_set_host(lua_State *L, void *host) { sv_getstate(L)->host = host; }
static inline void *sv_host(lua_State *L) { return sv_getstate(L)->host; }
static inline void sv_set_limit(lua_State *L, size_t limit) { sv_getstate(L)->limit = limit; }

/* Opens one standard library by name into package.loaded-free globals table on top. */
static inline void sv_requiref(lua_State *L, const char *name, lua_CFunction open) {
    luaL_requiref(L, name, open, 0);
}

/* Bytes the C heap has handed out and not taken back (leak checks). */
static inline size_t sv_heap_in_use(void) { return mallinfo2().uordblks; }

#endif
