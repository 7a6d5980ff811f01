-- load refuses mode 'b'.
-- expect: exit 4
-- stderr: load: only text chunks are allowed (mode "t")
load("return 1", "chunk", "b")
