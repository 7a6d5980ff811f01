-- A ten-megabyte message is printed, not truncated into a crash.
-- expect: exit 4
-- stderr: xxxxxxxxxx
error(string.rep("x", 1e7))
