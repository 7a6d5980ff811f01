-- Printing forever stops at the timeout; what was printed is kept.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
-- stdout: flood
while true do print("flood") end
