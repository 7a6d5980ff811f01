public enum LuaPlaceholder {}
