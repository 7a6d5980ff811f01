-- rawget on os bypasses the message but finds nothing.
-- expect: exit 0
-- stdout: nil\tnil\tnil
print(rawget(os, "remove"), rawget(os, "execute"), rawget(os, "exit"))
