/* shim_alloc.h — the counting allocator and the slab pool; creating and closing a state (part of shim.h; see it for the whole). */
#ifndef SAMVERKAN_CLUA_ALLOC_H
#define SAMVERKAN_CLUA_ALLOC_H

#include "shim_state.h"

/* ---- the counting allocator (the memory limit) ------------------------- */

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

#endif
