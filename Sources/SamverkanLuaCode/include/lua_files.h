/*
 * lua_files.h — the host's own Lua files (Sources/SamverkanLua/Lua/NAME.lua), listed once.
 *
 * embed.S includes them in the binary with .incbin at build time; SamverkanLuaCode.h
 * declares them and the table Swift reads them through (LuaSource.swift). A new file of
 * host Lua is one more X(name) here. Shared by assembly and C: nothing but macros.
 */
#ifndef SAMVERKAN_LUA_FILES_H
#define SAMVERKAN_LUA_FILES_H

#define SV_LUA_FILES(X) \
    X(api) X(sandbox) X(collections) X(param_error) X(translate) X(plugin_table) X(out) X(findings) X(where) X(describe) X(drivers)

#endif
