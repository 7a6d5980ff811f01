/*
 * embed.S — the bytes of each file of lua_files.h, between sv_lua_NAME and sv_lua_NAME_end.
 *
 * .incbin finds NAME.lua through the target's header search path (Sources/SamverkanLua/Lua,
 * Package.swift). The compiler's dependency file does not name .incbin inputs, so a build
 * does not notice an edited .lua file by itself: `make build` and `make test` touch this
 * file first when one is newer, and EmbeddedLuaTests fails when the binary's copy differs
 * from the file.
 */
#include "lua_files.h"

#define SV_STRING(x) #x
#define SV_EMBED(name) \
    .global sv_lua_##name; .global sv_lua_##name##_end; \
    sv_lua_##name: .incbin SV_STRING(name.lua); sv_lua_##name##_end:

    .section .rodata
SV_LUA_FILES(SV_EMBED)

    .section .note.GNU-stack,"",%progbits
