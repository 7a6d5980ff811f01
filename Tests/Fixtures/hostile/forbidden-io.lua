-- io is not there, whatever it is called for.
-- expect: exit 4
-- stderr: 'io' is not available in samverkan scripts: scripts cannot read or write files
io.open("/etc/passwd")
