-- table.move over 2^62 empty slots is one long C loop: the last resort ends it.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
table.move({}, 1, math.maxinteger - 1, 2)
