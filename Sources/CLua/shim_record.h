/* shim_record.h — the per-record fast paths: c[i], r.field and the --where seek (part of shim.h; see it for the whole). */
#ifndef SAMVERKAN_CLUA_RECORD_H
#define SAMVERKAN_CLUA_RECORD_H

#include "shim_call.h"

/* ---- per-record fast paths ---------------------------------------------- */

/* Pushes the record (collection, row) as userdata with the record metatable. */
static inline void sv_push_record(lua_State *L, sv_state *st, int32_t collection, int32_t row) {
    int32_t *handle = (int32_t *)lua_newuserdatauv(L, 2 * sizeof(int32_t), 0);
    handle[0] = collection;
    handle[1] = row;
    lua_rawgeti(L, LUA_REGISTRYINDEX, st->record_metatable);
    lua_setmetatable(L, -2);
}

/* The index of field `key` (an interned string's address) in the collection's columns
   (schema order), or -1. The one key map of fields: Swift asks it too (sv_field_index). */
static inline int sv_find_field(const sv_state *st, int32_t collection, const void *key) {
    if (collection < 0 || collection >= st->ncollections) return -1;
    const sv_collection *c = &st->collections[collection];
    for (int i = 0; i < c->count; i++) {
        if (c->columns[i].key == key) return i;
    }
    return -1;
}

/* Pushes row r of a plain integer, number, boolean or text column; returns 0, pushing
   nothing, for any other column (refs and lists are Swift's). The one reader of plain
   values: r.field, the --where seek and Swift's callbacks all come here. */
static inline int sv_push_cell(lua_State *L, const sv_column *column, size_t r) {
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

/* Pushes field `key` of record (collection, row) when it is a plain column; returns 0,
   pushing nothing, otherwise. */
static inline int sv_push_plain_field(lua_State *L, const sv_state *st, int32_t collection, int32_t row,
                                      const void *key) {
    int f = row < 0 ? -1 : sv_find_field(st, collection, key);
    return f < 0 ? 0 : sv_push_cell(L, &st->collections[collection].columns[f], (size_t)row);
}

/* For Swift: the field index of the interned string `key` in `collection`, or -1. [0] */
static inline int sv_field_index(lua_State *L, int32_t collection, const char *key) {
    return sv_find_field(sv_getstate(L), collection, key);
}

/* For Swift: pushes field f of (collection, row) when it is a plain column; 0 otherwise. */
static inline int sv_push_field(lua_State *L, int32_t collection, int f, int32_t row) {
    const sv_state *st = sv_getstate(L);
    if (collection < 0 || collection >= st->ncollections || f < 0 || f >= st->collections[collection].count
        || row < 0) {
        return 0;
    }
    return sv_push_cell(L, &st->collections[collection].columns[f], (size_t)row);
}

/* For Swift: pushes the record (collection, row), the one way records are made. [+1] */
static inline void sv_push_record_of(lua_State *L, int32_t collection, int32_t row) {
    sv_push_record(L, sv_getstate(L), collection, row);
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

#endif
