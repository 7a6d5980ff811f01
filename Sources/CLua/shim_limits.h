/* shim_limits.h — the timeout hook the watchdog arms, and the limits as the host reads them (part of shim.h; see it for the whole). */
#ifndef SAMVERKAN_CLUA_LIMITS_H
#define SAMVERKAN_CLUA_LIMITS_H

#include "shim_state.h"

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

/* ---- the memory limit, as the host checks it ---------------------------- */

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

#endif
