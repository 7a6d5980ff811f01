/* shim_state.h — what the host keeps per state, in the allocator's user data (part of shim.h; see it for the whole). */
#ifndef SAMVERKAN_CLUA_STATE_H
#define SAMVERKAN_CLUA_STATE_H


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
    /* How many coroutine.close calls are running inside one another (a __close handler
       that closes another coroutine): bounded, as Lua 5.4.4 does not (sv_tracked_reset). */
    int closing;
} sv_state;

static inline sv_state *sv_getstate(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (sv_state *)ud;
}

#endif
