-- string.gsub with a replacement function that loops.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
print(("abc"):gsub(".", function() while true do end end))
