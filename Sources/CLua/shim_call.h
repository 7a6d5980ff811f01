/* shim_call.h — the error trampoline for Swift callbacks, the traceback handler, protected calls (part of shim.h; see it for the whole). */
#ifndef SAMVERKAN_CLUA_CALL_H
#define SAMVERKAN_CLUA_CALL_H

#include "shim_state.h"

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

/* Pushes a Lua function that calls the Swift callback through the trampoline. */
static inline void sv_pushswift(lua_State *L, sv_swift_fn fn) {
    lua_pushlightuserdata(L, (void *)fn);
    lua_pushcclosure(L, sv_trampoline, 1);
}

/* ---- what scripts print ------------------------------------------------- */

/* Writes the string at idx to stdout or stderr as it is, without copying it (a script
   may print a string as large as its memory limit). Through C stdio, as Lua's own print
   and the CLI's output write; stderr is unbuffered. [0] */
static inline void sv_write_string(lua_State *L, int idx, int to_stderr) {
    size_t length = 0;
    const char *bytes = lua_tolstring(L, idx, &length);
    if (bytes != NULL) fwrite(bytes, 1, length, to_stderr ? stderr : stdout);
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

#endif
