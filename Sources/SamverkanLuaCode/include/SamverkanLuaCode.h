/*
 * SamverkanLuaCode.h — the host's Lua, embedded in the binary by embed.S (ENGINEERING §6):
 * editors, luac -p and luacheck read the real .lua files, and an installed program needs
 * no resource folder. Swift reads them by index (sv_lua_file_count, sv_lua_file_at).
 */
#ifndef SAMVERKAN_LUA_CODE_H
#define SAMVERKAN_LUA_CODE_H

#include <stddef.h>
#include "lua_files.h"

#define SV_LUA_DECLARE(name) extern const char sv_lua_##name[]; extern const char sv_lua_##name##_end[];
SV_LUA_FILES(SV_LUA_DECLARE)

/* One embedded file: its name without .lua, and its bytes from start up to end. */
typedef struct sv_lua_file {
    const char *name;
    const char *start;
    const char *end;
} sv_lua_file;

#define SV_LUA_ENTRY(name) { #name, sv_lua_##name, sv_lua_##name##_end },
#define SV_LUA_COUNT(name) + 1

static inline int sv_lua_file_count(void) { return 0 SV_LUA_FILES(SV_LUA_COUNT); }

/* The i-th file of lua_files.h (0 <= i < sv_lua_file_count()). */
static inline sv_lua_file sv_lua_file_at(int i) {
    static const sv_lua_file files[] = { SV_LUA_FILES(SV_LUA_ENTRY) };
    return files[i];
}

#endif
