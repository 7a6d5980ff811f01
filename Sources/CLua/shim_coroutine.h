/* shim_coroutine.h — coroutine.resume, wrap and close that track the running thread (part of shim.h; see it for the whole). */
#ifndef SAMVERKAN_CLUA_COROUTINE_H
#define SAMVERKAN_CLUA_COROUTINE_H

#include "shim_limits.h"

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

/* How deep coroutine.close may nest. Lua 5.4.4 counts no C calls in lua_resetthread, so a
   chain of coroutines each closing the previous one from a __close handler overflowed the C
   stack (lua.org bug "stack overflow with nesting of coroutine.close", fixed in 5.4.5, which
   then fails with "C stack overflow" at its C-call limit of 200, as this does). */
#define SV_MAX_NESTED_CLOSE 200

/* lua_resetthread(co) -- which runs co's pending __close handlers -- tracking co as the
   running thread, so the timeout hook reaches a handler that loops. Past the nesting limit
   it raises the error in L, and co is left as it is. */
static inline int sv_tracked_reset(lua_State *L, lua_State *co) {
    sv_state *st = sv_getstate(L);
    if (st->closing >= SV_MAX_NESTED_CLOSE)
        return luaL_error(L, "C stack overflow (coroutine.close nested more than %d deep)", SV_MAX_NESTED_CLOSE);
    st->closing++;
    lua_State *previous = sv_track_enter(st, co);
    int status = lua_resetthread(co);
    sv_track_leave(st, L, previous);
    st->closing--;
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

#endif
