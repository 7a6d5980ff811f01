-- rawget on the environment finds nothing either.
-- expect: exit 0
-- stdout: nil\tnil\tnil\tnil
print(rawget(_G, "io"), rawget(_ENV, "io"), rawget(_G, "package"), rawget(_G, "debug"))
