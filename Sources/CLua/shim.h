/*
 * shim.h — the minimal C layer between Swift and liblua5.4 (ENGINEERING §2).
 *
 * Holds only what Swift cannot do or must not do itself, one header per concept:
 *   - shim_state.h: what the host keeps per state (in the allocator's user data);
 *   - shim_alloc.h: the counting allocator (memory limit), state creation and closing;
 *   - shim_limits.h: the timeout hook;
 *   - shim_coroutine.h: coroutine.resume / wrap / close replacements that track the
 *     running thread, so a timeout can also be armed inside a coroutine;
 *   - shim_call.h: the error trampoline (Swift callbacks return a count or a sentinel
 *     and C raises the Lua error after the Swift frame is gone), the traceback message
 *     handler, protected calls and text-only loading;
 *   - shim_record.h: the per-record fast paths: `c[i]` and `r.field` for plain typed
 *     columns, read from column memory the bridge publishes (ENGINEERING §4);
 *     everything else goes on to the Swift callbacks through the trampoline;
 *   - shim_crash.h: the fatal-signal handler (exit 4 naming the script), on an
 *     alternate stack;
 *   - this file: inline wrappers for Lua's function-like macros and variadics.
 */
#ifndef SAMVERKAN_CLUA_SHIM_H
#define SAMVERKAN_CLUA_SHIM_H

#include "shim_state.h"
#include "shim_alloc.h"
#include "shim_limits.h"
#include "shim_coroutine.h"
#include "shim_call.h"
#include "shim_record.h"
#include "shim_crash.h"

/* ---- wrappers for macros Swift cannot import --------------------------- */

static inline void sv_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline int sv_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline void *sv_newuserdata(lua_State *L, size_t size) { return lua_newuserdatauv(L, size, 0); }
static inline void sv_remove(lua_State *L, int i) { lua_remove(L, i); }
static inline lua_Integer sv_tointeger(lua_State *L, int i, int *isnum) { return lua_tointegerx(L, i, isnum); }
static inline lua_Number sv_tonumber(lua_State *L, int i, int *isnum) { return lua_tonumberx(L, i, isnum); }
static inline void sv_set_host(lua_State *L, void *host) { sv_getstate(L)->host = host; }
static inline void *sv_host(lua_State *L) { return sv_getstate(L)->host; }

/* Opens one standard library by name into package.loaded-free globals table on top. */
static inline void sv_requiref(lua_State *L, const char *name, lua_CFunction open) {
    luaL_requiref(L, name, open, 0);
}

/* Bytes the C heap has handed out and not taken back (leak checks). */
static inline size_t sv_heap_in_use(void) { return mallinfo2().uordblks; }

#endif
